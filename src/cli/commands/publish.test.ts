import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAtom } from '../../../test/fixtures/atom/validateAtom.ts';
import { SEED_TXT } from '../../../test/fixtures/index.ts';
import { ensureWebBuild } from '../../bake/webBuild.ts';
import type { DatasetId } from '../../core/ids.ts';
import { openStore } from '../../store/index.ts';
import { type TempDatabase, tempDatabase, testDialects } from '../../store/testing.ts';
import { run } from '../main.ts';
import type { Out } from '../output.ts';

// `atlas publish` on every dialect: version 1, nothing changed → exit 0 and no version, an edit → version 2 named
// in the JSON answer, and `--out` bakes the frozen pages, the change log and its feed; `atlas bake` writes them too.

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

for (const { dialect, skip } of testDialects()) {
  if (skip) {
    describe.skip(`atlas publish on ${dialect} (${skip})`, () => {});
    continue;
  }
  describe(`atlas publish on ${dialect}`, () => {
    let db: TempDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'atlas-publish-cli-'));
    beforeAll(async () => {
      await ensureWebBuild();
      db = await tempDatabase(dialect);
      expect((await atlas(db.url, 'import', SEED_TXT)).code).toBe(0);
    }, 300_000);
    afterAll(async () => {
      await db?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('records version 1, then says nothing changed (exit 0), then records version 2 after an edit', async () => {
      const first = await atlas(db.url, 'publish', '--note', 'the first public version');
      expect(first).toMatchObject({ code: 0, stdout: /published version 1 of cis-india-cyber: 103 added/ });
      const same = await atlas(db.url, 'publish');
      expect(same).toMatchObject({ code: 0, stdout: /nothing changed since version 1/ });
      const store = await openStore(db.url);
      try {
        const [a] = await store.listAgreements('cis-india-cyber' as DatasetId, { partners: ['FR'] as never });
        await store.updateAgreement(
          a!.id,
          a!.version,
          { summary: 'changed by the test' },
          { actor: 't', reason: 't' },
        );
      } finally {
        await store.close();
      }
      const second = await atlas(db.url, 'publish', '--json', '--out', join(dir, 'site'));
      expect(second.code).toBe(0);
      const json = JSON.parse(second.stdout) as {
        created: boolean;
        version: {
          number: number;
          note: string;
          changes: { changed: Array<{ partners: string[]; fields: string[] }> };
        };
      };
      expect(json).toMatchObject({ created: true, version: { number: 2, note: '' } });
      expect(json.version.changes.changed).toEqual([
        expect.objectContaining({ partners: ['FR'], fields: ['summary'] }),
      ]);
      for (const f of [
        'v/1/index.html',
        'v/2/index.html',
        'changes/index.html',
        'changes.atom',
        'data/cis-india-cyber/v1.json',
      ])
        expect(existsSync(join(dir, 'site', f)), f).toBe(true);
      expect(validateAtom(readFileSync(join(dir, 'site', 'changes.atom'), 'utf8'))).toEqual([]);
    });

    it('atlas bake writes the same version pages; a bad --dataset is an error naming the known ones', async () => {
      const baked = await atlas(db.url, 'bake', '--out', join(dir, 'baked'));
      expect(baked.code).toBe(0);
      expect(readFileSync(join(dir, 'baked', 'v/1/index.html'), 'utf8')).toContain('"number":1');
      expect(readFileSync(join(dir, 'baked', 'index.html'), 'utf8')).toContain('Version 2');
      const bad = await atlas(db.url, 'publish', '--dataset', 'nope');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/no dataset "nope".*cis-india-cyber/);
    });
  });
}
