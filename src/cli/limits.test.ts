import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxBombFile } from '../../test/fixtures/xlsxBomb.ts';
import { run } from './main.ts';
import type { Out } from './output.ts';

// `atlas import` / `validate` refuse an upload bomb fast, naming the limit passed, and write nothing.

async function atlas(databaseUrl: string, ...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const out: Out = { stdout: () => {}, stderr: (t) => (stderr += t), isTTY: false };
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    return { code: await run(argv, out), stderr };
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

describe('atlas and upload limits', () => {
  it('refuses the 200 MB xlsx bomb within 2 s with exit 1, naming the limit', async () => {
    const bomb = xlsxBombFile();
    const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'atlas-limits-')), 'a.db')}`;
    const start = performance.now();
    const r = await atlas(db, 'import', bomb);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unzips to more than 100 MB \(ATLAS_MAX_UNZIPPED_ENTRY_BYTES\)/);
    const v = await atlas(db, 'validate', bomb);
    expect(v.code).toBe(1);
  }, 120_000);

  it('refuses a CSV over ATLAS_MAX_ROWS before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-limits-'));
    const csv = join(dir, 'many.csv');
    writeFileSync(csv, `country,mlat\n${'France,yes\n'.repeat(30)}`);
    process.env.ATLAS_MAX_ROWS = '10';
    try {
      const r = await atlas(`sqlite:${join(dir, 'a.db')}`, 'validate', csv);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/more than 10 \(ATLAS_MAX_ROWS\) rows/);
    } finally {
      delete process.env.ATLAS_MAX_ROWS;
    }
  });
});
