import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_TXT } from '../../test/fixtures/index.ts';
import { tempDatabase, testDialects } from '../store/testing.ts';
import { run } from './main.ts';
import type { Out } from './output.ts';

// `atlas backup` / `atlas restore` as a shell sees them: files on disk (plain and gzip'd), exit codes, messages.

type Captured = { code: number; stdout: string; stderr: string };

async function atlas(databaseUrl: string, ...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    return { code: await run(argv, out), stdout, stderr };
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-backup-cli-'));
const disposers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const d of disposers) await d();
});

async function db(dialect: 'sqlite' | 'postgres'): Promise<string> {
  const t = await tempDatabase(dialect);
  disposers.push(t.dispose);
  return t.url;
}

describe('atlas backup / restore', () => {
  for (const { dialect, skip } of testDialects()) {
    it.skipIf(skip !== null)(`${dialect}: backup, restore, refusals (exit 1, nothing written)`, async () => {
      const source = await db('sqlite');
      expect((await atlas(source, 'import', SEED_TXT)).code).toBe(0);
      const gz = join(dir, `${dialect}.jsonl.gz`);
      const plain = join(dir, `${dialect}.jsonl`);
      const b1 = await atlas(source, 'backup', '--out', gz);
      expect(b1.code).toBe(0);
      expect(b1.stderr).toMatch(/wrote .*: 1 datasets, 0 users, 103 agreements/);
      expect((await atlas(source, 'backup', '--out', plain)).code).toBe(0);
      expect(gunzipSync(readFileSync(gz)).toString()).toBe(readFileSync(plain, 'utf8'));

      const target = await db(dialect);
      const r = await atlas(target, 'restore', gz);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/restored .*103 agreements/);
      const again = join(dir, `${dialect}-again.jsonl`);
      expect((await atlas(target, 'backup', '--out', again)).code).toBe(0);
      expect(readFileSync(again, 'utf8')).toBe(readFileSync(plain, 'utf8'));

      // Not empty now: refused without --replace, accepted with it.
      const twice = await atlas(target, 'restore', plain);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toMatch(/not empty.*--replace/);
      expect((await atlas(target, 'restore', plain, '--replace')).code).toBe(0);

      // Damaged and foreign files: exit 1 with what the file is, and the database unchanged.
      const truncatedGz = join(dir, `${dialect}-cut.jsonl.gz`);
      const bytes = readFileSync(gz);
      writeFileSync(truncatedGz, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const cut = await atlas(target, 'restore', truncatedGz, '--replace');
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/truncated or damaged/);

      const exported = join(dir, `${dialect}-export.json`);
      expect((await atlas(source, 'export', '--format', 'json', '--out', exported)).code).toBe(0);
      const foreign = await atlas(target, 'restore', exported, '--replace');
      expect(foreign.code).toBe(1);
      expect(foreign.stderr).toMatch(/a dataset export .*atlas import/);

      const xlsx = join(dir, `${dialect}-export.xlsx`);
      expect((await atlas(source, 'export', '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
      expect((await atlas(target, 'restore', xlsx, '--replace')).stderr).toMatch(/a zip file/);
      expect((await atlas(target, 'restore', join(dir, 'missing.jsonl'))).stderr).toMatch(/file not found/);
      expect((await atlas(target, 'restore')).code).toBe(2);

      const after = join(dir, `${dialect}-after.jsonl`);
      expect((await atlas(target, 'backup', '--out', after)).code).toBe(0);
      expect(readFileSync(after, 'utf8')).toBe(readFileSync(plain, 'utf8'));
    });
  }
});
