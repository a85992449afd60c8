import type { DatasetId } from '../core/ids.ts';
import type { Stats } from '../core/stats.ts';
import type { VersionChanges } from '../core/versionChanges.ts';
import { ensureDataset, isUniqueViolation, type Tx } from './tx.ts';
import { ConflictError, type NewVersion, type VersionSummary } from './types.ts';

// Numbered versions (frozen documents) and the publish lease. A version is written once and never changed; the
// primary key (dataset, number) makes a second writer of the same number fail instead of overwriting.

export async function listVersions(tx: Tx, dataset: DatasetId): Promise<VersionSummary[]> {
  const rows = await tx.db
    .selectFrom('versions')
    .select(['number', 'published_at', 'note', 'counts', 'changes'])
    .where('dataset', '=', dataset)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    number: Number(r.number),
    publishedAt: r.published_at,
    note: r.note,
    counts: JSON.parse(r.counts) as Stats,
    changes: JSON.parse(r.changes) as VersionChanges,
  }));
}

export async function latestVersionNumber(tx: Tx, dataset: DatasetId): Promise<number> {
  const row = await tx.db
    .selectFrom('versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('dataset', '=', dataset)
    .executeTakeFirst();
  return row?.n === null || row?.n === undefined ? 0 : Number(row.n);
}

export async function getVersionDocument(tx: Tx, dataset: DatasetId, number: number): Promise<string | null> {
  const row = await tx.db
    .selectFrom('versions')
    .select('document')
    .where('dataset', '=', dataset)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.document ?? null;
}

export async function addVersion(tx: Tx, dataset: DatasetId, v: NewVersion): Promise<void> {
  await ensureDataset(tx, dataset);
  const latest = await latestVersionNumber(tx, dataset);
  if (v.number !== latest + 1)
    throw new ConflictError(`version ${v.number} of "${dataset}" cannot follow version ${latest}`);
  try {
    await tx.db
      .insertInto('versions')
      .values({
        dataset,
        number: v.number,
        published_at: v.publishedAt,
        note: v.note,
        counts: JSON.stringify(v.counts),
        changes: JSON.stringify(v.changes),
        document: v.document,
      })
      .execute();
  } catch (e) {
    if (isUniqueViolation(e))
      throw new ConflictError(`version ${v.number} of "${dataset}" was just published`);
    throw e;
  }
}

/**
 * Takes the named lease for `ttlMs` unless another holder has it and it has not expired. Each step is one
 * atomic statement (an insert that does nothing on a taken name; an update of an expired row only), so two
 * processes racing for it cannot both win, in either dialect.
 */
export async function acquireLease(tx: Tx, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  const inserted = await tx.db
    .insertInto('publish_leases')
    .values({ name, holder, expires_at: expires })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
  const taken = await tx.db
    .updateTable('publish_leases')
    .set({ holder, expires_at: expires })
    .where('name', '=', name)
    .where('expires_at', '<', now.toISOString())
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

export async function releaseLease(tx: Tx, name: string, holder: string): Promise<void> {
  await tx.db.deleteFrom('publish_leases').where('name', '=', name).where('holder', '=', holder).execute();
}
