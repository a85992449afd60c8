import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAgreements } from '../../bench/synthetic.ts';
import { planImport } from '../core/diff.ts';
import type { CountryCode, DatasetId } from '../core/ids.ts';
import {
  type Agreement,
  type CountryNote,
  type Dataset,
  DatasetSchema,
  type Revision,
} from '../core/schemas.ts';
import type { KyselyStore } from './kyselyStore.ts';
import { migrationProvider } from './migrations.ts';
import { openStore } from './openStore.ts';
import { REVISION_FORMAT } from './revisionRows.ts';
import type { Tables } from './tables.ts';
import { tempStore, testDialects } from './testing.ts';
import type { Store } from './types.ts';

// An import stores the state after each change by reference (REVISION_FORMAT.afterByReference); everything
// else, and every database written before migration 0002, stores whole snapshots. Both must read back the same.

const config = DatasetSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../data/cis-india-cyber-agreements.dataset.json', import.meta.url), 'utf8'),
  ),
);
const editor = { actor: 'researcher@example.org', reason: 'manual edit' };
const importer = { actor: 'researcher@example.org', reason: 'import of sheet.xlsx' };

function newDataset(): Dataset {
  return { ...config, id: `t-${randomBytes(4).toString('hex')}` as DatasetId };
}

const note = (country: string, text: string) => ({ country: country as CountryCode, text, sources: [] });

/** Every revision of a dataset, oldest first, with whole snapshots as the store reads them. */
async function history(store: Store, dataset: DatasetId): Promise<Revision[]> {
  return (await store.listDatasetRevisions(dataset, 1_000_000)).reverse();
}

/** The PostgreSQL schema the store's tables live in (the migrator must be told). */
async function schemaOf(db: Kysely<Tables>, dialect: string): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  return r.rows[0]?.s;
}

for (const { dialect, skip } of testDialects()) {
  describe.skipIf(skip !== null)(`revision formats on ${dialect}`, () => {
    let store: Store;
    let url: string;
    let dispose: () => Promise<void>;
    let dataset: DatasetId;
    let afterImport: { agreements: Agreement[]; notes: CountryNote[] };

    beforeAll(async () => {
      ({ store, url, dispose } = await tempStore(dialect));
      const d = newDataset();
      dataset = d.id;
      await store.putDataset(d, editor);
      const [kept, changed, removed] = syntheticAgreements(3, 11);
      for (const c of [kept!, changed!, removed!]) await store.createAgreement(dataset, c, editor);
      await store.createNote(dataset, note('KE', 'old text'), editor);
      const current = {
        agreements: await store.listAgreements(dataset),
        notes: await store.listNotes(dataset),
      };
      const sheet = [kept!, { ...changed!, summary: 'changed by the sheet' }, ...syntheticAgreements(40, 12)];
      const plan = planImport(current, {
        agreements: sheet,
        notes: [note('KE', 'new text'), note('NP', 'n')],
      });
      expect([plan.added.length, plan.changed.length, plan.removed.length]).toEqual([40, 1, 1]);
      await store.applyImport(dataset, plan, importer);
      afterImport = {
        agreements: await store.listAgreements(dataset),
        notes: await store.listNotes(dataset),
      };
    });
    afterAll(async () => {
      await dispose?.();
    });

    it("an import's revisions read back with whole snapshots, also after later changes", async () => {
      const records = [...afterImport.agreements, ...afterImport.notes];
      const fromImport = (await history(store, dataset)).filter((r) => r.reason === importer.reason);
      expect(fromImport.length).toBe(40 + 1 + 1 + 2);
      for (const r of fromImport.filter((r) => r.action !== 'delete')) {
        expect(r.after).toEqual(records.find((x) => x.id === r.entityId));
      }

      // Later edits move the state after the import out of the live record into the edits' `before`.
      const [edited, deleted] = fromImport
        .filter((r) => r.entity === 'agreement' && r.action === 'create')
        .slice(-2)
        .map((r) => r.entityId as Agreement['id']) as [Agreement['id'], Agreement['id']];
      await store.updateAgreement(edited, 1, { title: 'edited later' }, editor);
      await store.deleteAgreement(deleted, 1, editor);
      const deleteRev = (await store.listRevisions(deleted))[0]!;
      await store.revert(deleted, deleteRev.id, editor);
      for (const id of [edited, deleted]) {
        const created = (await store.listRevisions(id)).at(-1)!;
        expect(created).toMatchObject({ action: 'create', reason: importer.reason });
        expect(created.after).toEqual(afterImport.agreements.find((a) => a.id === id));
      }
    });

    it('reads whole-snapshot rows (as databases before migration 0002 hold them) the same', async () => {
      const db = (store as KyselyStore).db;
      const before = await history(store, dataset);
      expect(
        (
          await db
            .selectFrom('revisions')
            .select('id')
            .where('format', '=', REVISION_FORMAT.afterByReference)
            .execute()
        ).length,
      ).toBeGreaterThan(40);

      // Write every revision of the dataset as the code before the by-reference format did, then take the
      // schema back to migration 0001 and forward again, as an upgrade of an old database does.
      for (const r of before) {
        await db
          .updateTable('revisions')
          .set({ after: r.after === null ? null : JSON.stringify(r.after), format: REVISION_FORMAT.whole })
          .where('id', '=', r.id)
          .execute();
      }
      const migrator = new Migrator({
        db: db as unknown as Kysely<unknown>,
        provider: migrationProvider(dialect),
        ...((await schemaOf(db, dialect)) === undefined
          ? {}
          : { migrationTableSchema: await schemaOf(db, dialect) }),
      });
      const down = await migrator.migrateTo('0001-initial-schema');
      expect(down.error).toBeUndefined();
      await expect(db.selectFrom('revisions').select('format').execute()).rejects.toThrow();

      const upgraded = await openStore(url);
      try {
        expect(await history(upgraded, dataset)).toEqual(before);
      } finally {
        await upgraded.close();
      }
      await store.migrate();
      expect(await history(store, dataset)).toEqual(before);
    });
  });
}
