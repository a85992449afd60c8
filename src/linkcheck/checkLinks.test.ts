import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/main.ts';
import type { Out } from '../cli/output.ts';
import type { DatasetId } from '../core/ids.ts';
import type { Source } from '../core/schemas.ts';
import { isBrokenSource } from '../core/sourceHealth.ts';
import { agreement, testDataset } from '../core/testing/fixtures.ts';
import { openStore } from '../store/index.ts';
import { type TempDatabase, tempDatabase, testDialects } from '../store/testing.ts';
import type { Store } from '../store/types.ts';
import type { LinkReport } from './checkLinks.ts';
import { type FakeArchive, startFakeArchive, startTestSite, type TestSite } from './testSite.ts';

// `atlas links check` against a local site of links on 127.0.0.1 and a fake archive API — never the internet.

const DS = testDataset.id as DatasetId;

async function atlas(
  databaseUrl: string,
  env: Record<string, string>,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: databaseUrl, ...env });
  try {
    const code = await run(argv, out);
    return { code, stdout, stderr };
  } finally {
    for (const k of ['DATABASE_URL', ...Object.keys(env)]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

for (const { dialect, skip } of testDialects()) {
  describe.skipIf(skip !== null)(`atlas links check on ${dialect}`, () => {
    let site: TestSite;
    let archive: FakeArchive;
    let db: TempDatabase;
    let store: Store;
    const url = (path: string): string => `${site.origin}${path}`;

    beforeAll(async () => {
      [site, archive] = await Promise.all([startTestSite(), startFakeArchive()]);
      db = await tempDatabase(dialect);
      store = await openStore(db.url);
      await store.putDataset(testDataset, { actor: 'test', reason: '' });
      const by = { actor: 'test', reason: '' };
      const src = (path: string, extra: Partial<Source> = {}): Source => ({
        url: url(path),
        title: path,
        archivedUrl: null,
        lastChecked: null,
        httpStatus: null,
        ...extra,
      });
      await store.createAgreement(
        DS,
        agreement('mou', ['FR'], { year: 2015, sources: [src('/ok'), src('/gone')] }),
        by,
      );
      await store.createAgreement(
        DS,
        agreement('mlat', ['DE'], {
          date: { text: 'Aug 2016', year: 2016, month: 8, day: null },
          sources: [src('/moved'), src('/loop-a'), src('/hang')],
        }),
        by,
      );
      await store.createAgreement(
        DS,
        agreement('framework', ['JP'], {
          sources: [src('/chain/7'), src('/head-refused'), src('/gone-never-archived'), src('/ok')],
        }),
        by,
      );
      // A broken source that already has an archived copy keeps it and is not looked up again.
      await store.createAgreement(
        DS,
        agreement('mou', ['US'], { sources: [src('/gone2', { archivedUrl: 'https://example.org/kept' })] }),
        by,
      );
      await store.createNote(DS, { country: 'IT' as never, text: 'a note', sources: [src('/gone')] }, by);
    });

    afterAll(async () => {
      await store?.close();
      await db?.dispose();
      await site?.close();
      await archive?.close();
    });

    it('without --allow-private, 127.0.0.1 is reported blocked and nothing is fetched or stored', async () => {
      const r = await atlas(db.url, {}, 'links', 'check', '--json', '--timeout', '1');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as LinkReport;
      expect(report.blocked).toBe(report.checked);
      expect(report.ok).toBe(0);
      expect(report.results.every((x) => /^blocked: 127\.0\.0\.1 is a loopback/.test(x.error ?? ''))).toBe(
        true,
      );
      expect(site.seen).toEqual([]);
      const all = await store.listAgreements(DS);
      expect(all.flatMap((a) => a.sources).every((s) => s.lastChecked === null)).toBe(true);
    });

    it('with --allow-private: 200, 404, 301 → 200, a loop, too many redirects, HEAD refused, and a hang within its timeout', async () => {
      const started = Date.now();
      const r = await atlas(
        db.url,
        { ATLAS_ARCHIVE_API: archive.api },
        'links',
        'check',
        '--json',
        '--allow-private',
        '--archive',
        '--timeout',
        '1.5',
        '--concurrency',
        '4',
      );
      const elapsed = Date.now() - started;
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as LinkReport;
      const by = new Map(report.results.map((x) => [x.url.slice(site.origin.length), x]));
      expect(by.get('/ok')).toEqual({
        url: url('/ok'),
        status: 200,
        finalUrl: url('/ok'),
        archivedUrl: null,
        error: null,
      });
      expect(by.get('/gone')).toMatchObject({ status: 404, error: null });
      expect(by.get('/moved')).toMatchObject({ status: 200, finalUrl: url('/ok'), error: null });
      expect(by.get('/loop-a')?.error).toBe('a redirect loop');
      expect(by.get('/chain/7')?.error).toBe('more than 5 redirects');
      expect(by.get('/head-refused')).toMatchObject({ status: 200, error: null });
      expect(by.get('/hang')).toMatchObject({ status: null, error: 'no answer within 1.5 s' });
      // Everything, the hang included, ends within the timeout (plus politeness delays), not after it.
      expect(elapsed).toBeLessThan(6000);
      expect(report).toMatchObject({ checked: 9, ok: 3, broken: 6, redirected: 2, blocked: 0 });
      // Archived copies: asked near the agreement's date, not for a source that has one, none when there is none.
      expect(by.get('/gone')?.archivedUrl).toBe(`http://web.archive.test/web/20150101000000/${url('/gone')}`);
      expect(by.get('/hang')?.archivedUrl).toMatch(/\/web\/20160801000000\//);
      expect(by.get('/gone-never-archived')?.archivedUrl).toBeNull();
      expect(archive.queries.some((q) => q.get('url') === url('/gone2'))).toBe(false);
      expect(report.archived).toBe(4);
      // HEAD first, GET only where HEAD was refused.
      expect(site.seen.filter((s) => s.endsWith(' /ok') && s.startsWith('GET'))).toEqual([]);
      expect(site.seen).toContain('GET /head-refused');

      const agreements = await store.listAgreements(DS);
      const sources = new Map(
        agreements.flatMap((a) => a.sources).map((s) => [s.url.slice(site.origin.length), s]),
      );
      expect(sources.get('/ok')).toMatchObject({ httpStatus: 200, finalUrl: url('/ok') });
      expect(sources.get('/ok')?.lastChecked).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(sources.get('/moved')).toMatchObject({ httpStatus: 200, finalUrl: url('/ok') });
      expect(sources.get('/hang')).toMatchObject({ httpStatus: 0, finalUrl: null });
      // A redirect loop never arrives anywhere: stored as no answer, so it reads as broken.
      expect(sources.get('/loop-a')).toMatchObject({ httpStatus: 0 });
      expect(isBrokenSource(sources.get('/chain/7')!)).toBe(true);
      expect(sources.get('/gone2')).toMatchObject({
        httpStatus: 404,
        archivedUrl: 'https://example.org/kept',
      });
      expect(isBrokenSource(sources.get('/gone')!)).toBe(true);
      expect(isBrokenSource(sources.get('/ok')!)).toBe(false);
      const note = (await store.listNotes(DS))[0]!;
      expect(note.sources[0]).toMatchObject({
        httpStatus: 404,
        archivedUrl: expect.stringContaining('/gone'),
      });
      // One revision per record, by "link check".
      const revisions = await store.listRevisions(agreements[0]!.id);
      expect(revisions[0]).toMatchObject({ actor: 'link check', action: 'update' });
      expect(revisions[0]?.reason).toMatch(/link check: 9 URLs, 6 broken/);
    });

    it('prints a readable report without --json, and refuses a bad --timeout', async () => {
      const r = await atlas(db.url, {}, 'links', 'check', '--allow-private', '--timeout', '1');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\/gone\n {4}HTTP 404\n/);
      expect(r.stdout).toMatch(/9 links checked: 3 ok, 6 broken/);
      const bad = await atlas(db.url, {}, 'links', 'check', '--timeout', 'soon');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--timeout "soon" must be a number/);
    });

    it('refuses a --concurrency that is not a whole number (0.5 would start no request and never finish)', async () => {
      for (const n of ['1.5', '0', '0.5']) {
        const bad = await atlas(db.url, {}, 'links', 'check', '--json', '--concurrency', n);
        expect(bad.code, n).toBe(2);
        expect(bad.stderr, n).toMatch(
          new RegExp(`--concurrency "${n.replace('.', '\\.')}" must be a whole number from 1 to 256`),
        );
        expect(bad.stdout, n).toBe('');
      }
    });
  });
}
