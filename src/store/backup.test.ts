import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticAgreements } from '../../bench/synthetic.ts';
import { planImport } from '../core/diff.ts';
import type { CountryCode, DatasetId } from '../core/ids.ts';
import { type AgreementContent, DatasetSchema } from '../core/schemas.ts';
import {
  BACKED_UP_TABLES,
  BACKUP_FORMAT,
  BackupFileError,
  DatabaseNotEmptyError,
  EXCLUDED_TABLES,
  liveTables,
  restoreBackup,
  writeBackup,
} from './backup.ts';
import { type TestDialect, tempStore, testDialects } from './testing.ts';
import type { Store } from './types.ts';

// Backup and restore against real databases: the round trip SQLite → PostgreSQL → SQLite gives the same bytes,
// and every refusal (non-empty database, damaged or foreign file) leaves the database as it was.

const config = DatasetSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../data/cis-india-cyber-agreements.dataset.json', import.meta.url), 'utf8'),
  ),
);
const dialects = testDialects();
const pg = dialects.find((d) => d.dialect === 'postgres' && d.skip === null) !== undefined;
const disposers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const d of disposers) await d();
});

async function fresh(dialect: TestDialect): Promise<Store> {
  const t = await tempStore(dialect);
  disposers.push(t.dispose);
  return t.store;
}

async function backupText(store: Store): Promise<string> {
  let text = '';
  await writeBackup(store, async (t) => {
    text += t;
  });
  return text;
}

async function* linesOf(text: string): AsyncGenerator<string> {
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  yield* parts;
}

const by = { actor: 'researcher@example.org', reason: 'manual edit' };
const content = (partner: string, title: string): AgreementContent => ({
  category: 'mlat' as AgreementContent['category'],
  partners: [partner as CountryCode],
  title,
  date: { text: '2015', year: 2015, month: null, day: null },
  summary: 'a "quoted" summary with ünïcode and a line\nbreak',
  sources: [
    { url: 'https://example.org/a', title: 'A', archivedUrl: null, lastChecked: null, httpStatus: null },
  ],
  flags: { nonGovernmental: true, multilateral: false, mentionsOnly: false },
  status: 'in-force',
});

/** Users, a dataset, edits (format-1 revisions), an import (format-2), notes, a deleted record, a session. */
async function populate(store: Store): Promise<void> {
  const ds = { ...config, id: 'backup-test' as DatasetId };
  await store.putDataset(ds, { actor: 'cli', reason: 'created' });
  const admin = await store.createUser(
    'admin@example.org',
    'admin',
    '$argon2id$v=19$m=19456,t=2,p=1$abc$def',
  );
  await store.createUser('ed@example.org', 'editor', '$argon2id$v=19$m=19456,t=2,p=1$ghi$jkl');
  await store.createSession({
    tokenHash: 'tok',
    userId: admin.id,
    csrfToken: 'csrf',
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  const plan = planImport(
    { agreements: [], notes: [] },
    { agreements: syntheticAgreements(250, 3), notes: [] },
  );
  await store.applyImport(ds.id, plan, { actor: 'importer', reason: 'import of sheet.xlsx' });
  const imported = await store.listAgreements(ds.id);
  const changed = imported[0]!;
  await store.updateAgreement(changed.id, changed.version, { title: 'Retitled' }, by);
  const a = await store.createAgreement(ds.id, content('FR', 'Zeta'), by);
  const b = await store.createAgreement(ds.id, content('DE', 'Alpha'), by);
  await store.updateAgreement(b.id, b.version, { status: 'terminated' }, by);
  await store.deleteAgreement(a.id, a.version, { actor: 'x', reason: 'duplicate' });
  // A second import: by-reference revisions whose `after` is the next revision's `before`.
  const again = planImport(
    { agreements: await store.listAgreements(ds.id), notes: await store.listNotes(ds.id) },
    {
      agreements: syntheticAgreements(250, 3).map((x, i) =>
        i % 10 === 0 ? { ...x, summary: 'changed' } : x,
      ),
      notes: [],
    },
  );
  await store.applyImport(ds.id, again, { actor: 'importer', reason: 'second import' });
  const n = await store.createNote(
    ds.id,
    { country: 'KE' as CountryCode, text: 'MoU on ICT', sources: [] },
    by,
  );
  await store.updateNote(n.id, n.version, { text: 'MoU on ICT; nothing on cyber' }, by);
}

describe('the backup lists every table of the live schema', () => {
  for (const { dialect, skip } of dialects) {
    it.skipIf(skip !== null)(`${dialect}: each table is backed up or excluded by design`, async () => {
      const store = await fresh(dialect);
      const listed = new Set([...BACKED_UP_TABLES.map((t) => t.name), ...Object.keys(EXCLUDED_TABLES)]);
      const live = await liveTables(store);
      expect(live).toContain('revisions');
      expect(live.filter((t) => !listed.has(t))).toEqual([]);
      expect(BACKED_UP_TABLES.filter((t) => !live.includes(t.name))).toEqual([]);
    });
  }
});

describe('backup → restore → backup', () => {
  it('is deterministic and lossless: SQLite → PostgreSQL → SQLite gives the same bytes', async () => {
    const source = await fresh('sqlite');
    await populate(source);
    const first = await backupText(source);
    expect(await backupText(source)).toBe(first);
    const lines = first.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!).format).toBe(BACKUP_FORMAT);
    const end = JSON.parse(lines[lines.length - 1]!);
    expect(end.rows).toMatchObject({ datasets: 1, users: 2, notes: 1 });
    expect(first).not.toContain('"tok"'); // no session
    expect(first).toContain('$argon2id$v=19$m=19456,t=2,p=1$abc$def');
    // Both revision formats are there, format 2 with its `after` left null (by reference).
    const header = JSON.parse(lines[0]!) as { tables: Array<{ name: string; columns: string[] }> };
    const cols = header.tables.find((t) => t.name === 'revisions')!.columns;
    const revisionRows = lines.filter((l) => l.startsWith('[')).map((l) => JSON.parse(l) as unknown[]);
    const formats = new Set(
      revisionRows.filter((r) => r.length === cols.length).map((r) => r[cols.indexOf('format')]),
    );
    expect(formats).toEqual(new Set([1, 2]));

    const hops: TestDialect[] = pg ? ['postgres', 'sqlite'] : ['sqlite'];
    for (const dialect of hops) {
      const target = await fresh(dialect);
      const summary = await restoreBackup(target, linesOf(first));
      expect(summary.rows).toEqual(end.rows);
      expect(await backupText(target)).toBe(first);
      // What the store reads back is the same too: the deleted record's history, the users' hashes.
      const deleted = (await source.listDatasetRevisions('backup-test' as DatasetId, 100000)).find(
        (r) => r.action === 'delete',
      )!;
      expect(await target.listRevisions(deleted.entityId)).toEqual(
        await source.listRevisions(deleted.entityId),
      );
      expect(await target.listDatasetRevisions('backup-test' as DatasetId, 100000)).toEqual(
        await source.listDatasetRevisions('backup-test' as DatasetId, 100000),
      );
      expect(await target.findUser('ed@example.org')).toEqual(await source.findUser('ed@example.org'));
      // Auto-increment ids continue after the restored ones (PostgreSQL sequences advanced).
      const u = await target.createUser('new@example.org', 'editor', 'h');
      expect(u.id).toBe(3);
      const c = await target.createAgreement('backup-test' as DatasetId, content('JP', 'new'), by);
      const [newest] = await target.listRevisions(c.id);
      const maxRestored = Math.max(
        ...(await source.listDatasetRevisions('backup-test' as DatasetId, 100000)).map((r) => r.id),
      );
      expect(newest!.id).toBeGreaterThan(maxRestored);
    }
  });
});

describe('refusals write nothing', () => {
  for (const { dialect, skip } of dialects) {
    it.skipIf(skip !== null)(
      `${dialect}: non-empty, damaged and foreign inputs are refused; --replace replaces`,
      async () => {
        const source = await fresh('sqlite');
        await populate(source);
        const good = await backupText(source);

        const target = await fresh(dialect);
        await target.putDataset({ ...config, id: 'other' as DatasetId }, { actor: 'cli', reason: 'x' });
        await target.createUser('someone@example.org', 'admin', 'h');
        const before = await backupText(target);

        const refused = async (text: string, replace: boolean): Promise<Error> => {
          const err = await restoreBackup(target, linesOf(text), { replace, source: 'b.jsonl' }).then(
            () => null,
            (e: Error) => e,
          );
          expect(err).not.toBeNull();
          expect(await backupText(target)).toBe(before);
          return err as Error;
        };

        const notEmpty = await refused(good, false);
        expect(notEmpty).toBeInstanceOf(DatabaseNotEmptyError);
        expect(notEmpty.message).toMatch(/not empty.*--replace/);

        const lines = good.trimEnd().split('\n');
        const truncated = `${lines.slice(0, Math.floor(lines.length / 2)).join('\n')}\n`;
        expect((await refused(truncated, true)).message).toMatch(/b\.jsonl: .*truncated/);

        const badJson = good.replace(/\n\[/, '\n[{');
        const e1 = await refused(badJson, true);
        expect(e1).toBeInstanceOf(BackupFileError);
        expect(e1.message).toMatch(/line 3 is not valid JSON.*damaged/);

        const tampered = good.replace('Retitled', 'Retitlex');
        expect((await refused(tampered, true)).message).toMatch(/checksum does not match/);

        const newer = good.replace(BACKUP_FORMAT, 'accord-atlas/backup@9');
        expect((await refused(newer, true)).message).toMatch(/format accord-atlas\/backup@9.*does not read/);

        const extraColumn = good.replace('"columns":["config",', '"columns":["colour","config",');
        expect((await refused(extraColumn, true)).message).toMatch(
          /table datasets has column\(s\) colour .*newer version/,
        );

        const dataset = `${JSON.stringify({ schema: 'accord-atlas/dataset@1', dataset: config })}\n`;
        expect((await refused(dataset, true)).message).toMatch(/not an Accord Atlas backup/);
        expect((await refused('', true)).message).toMatch(/empty/);

        // --replace: everything is the backup's afterwards, the old dataset, user and sessions gone.
        await target.createSession({
          tokenHash: 'old',
          userId: 1,
          csrfToken: 'c',
          expiresAt: '2099-01-01T00:00:00.000Z',
        });
        const r = await restoreBackup(target, linesOf(good), { replace: true });
        expect(r.replaced).toBe(true);
        expect(await backupText(target)).toBe(good);
        expect(await target.getSession('old')).toBeNull();
        expect(await target.getDataset('other' as DatasetId)).toBeNull();
      },
    );
  }
});
