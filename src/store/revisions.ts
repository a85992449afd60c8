import type { Insertable, Kysely } from 'kysely';
import type { DatasetId } from '../core/ids.ts';
import type { Revision } from '../core/schemas.ts';
import { insertChunked } from './batch.ts';
import type { Dialect } from './migrations.ts';
import { rowToRevision, sortedBy } from './rows.ts';
import type { RevisionsTable, Tables } from './tables.ts';
import type { Actor } from './types.ts';

// Every write leaves a revision: who, when, what (the whole record before and after) and why. Snapshots are
// whole records (with id, version and timestamps), so a revert can bring a deleted record back exactly.

export type RevisionEntry = {
  dataset: string;
  entity: Revision['entity'];
  entityId: string;
  action: Revision['action'];
  at: string;
  before: unknown;
  after: unknown;
};

function toRow(e: RevisionEntry, by: Actor): Insertable<RevisionsTable> {
  return {
    dataset: e.dataset,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    actor: by.actor,
    at: e.at,
    reason: by.reason,
    before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
  };
}

export async function writeRevisions(
  db: Kysely<Tables>,
  dialect: Dialect,
  entries: readonly RevisionEntry[],
  by: Actor,
): Promise<void> {
  // Ordered by record id, the (entity_id, id) index grows at its end instead of at random places: a big import
  // writes several times faster that way.
  const ordered = sortedBy(entries, (e) => e.entityId);
  await insertChunked(db, dialect, 'revisions', ordered, (e) => toRow(e, by));
}

export async function listRevisions(db: Kysely<Tables>, entityId: string): Promise<Revision[]> {
  const rows = await db
    .selectFrom('revisions')
    .selectAll()
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(rowToRevision);
}

export const DEFAULT_REVISION_LIMIT = 100;

export async function listDatasetRevisions(
  db: Kysely<Tables>,
  dataset: DatasetId,
  limit = DEFAULT_REVISION_LIMIT,
): Promise<Revision[]> {
  const rows = await db
    .selectFrom('revisions')
    .selectAll()
    .where('dataset', '=', dataset)
    .orderBy('id', 'desc')
    .limit(Math.max(0, Math.floor(limit)))
    .execute();
  return rows.map(rowToRevision);
}

export async function getRevision(db: Kysely<Tables>, id: number): Promise<Revision | null> {
  const row = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : rowToRevision(row);
}

/**
 * The newest change to a dataset's agreements or notes, as an ISO timestamp. Read from the newest revision (by
 * id, through the (dataset, id) index) rather than max(at), so it costs the same for ten or a million revisions.
 */
export async function lastChange(db: Kysely<Tables>, dataset: DatasetId): Promise<string | null> {
  const row = await db
    .selectFrom('revisions')
    .select('at')
    .where('dataset', '=', dataset)
    .where('entity', 'in', ['agreement', 'note'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}
