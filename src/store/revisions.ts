import type { Kysely } from 'kysely';
import type { DatasetId } from '../core/ids.ts';
import type { Revision } from '../core/schemas.ts';
import { insertChunked } from './batch.ts';
import type { Dialect } from './migrations.ts';
import { REVISION_FORMAT, rowToRevision, selectRevisions } from './revisionRows.ts';
import { sortedBy } from './rows.ts';
import type { RevisionsTable, Tables } from './tables.ts';
import type { Actor } from './types.ts';

// Every write leaves a revision: who, when, what (the whole record before and after) and why. Snapshots are
// whole records (with id, version and timestamps), so a revert can bring a deleted record back exactly.

/** In place of an `after` snapshot: the state after the change is found by reference (REVISION_FORMAT). */
export const AFTER_BY_REFERENCE: unique symbol = Symbol('after by reference');

export type RevisionEntry = {
  dataset: string;
  entity: Revision['entity'];
  entityId: string;
  action: Revision['action'];
  at: string;
  before: unknown;
  /** The record after the change, null when it is gone, or AFTER_BY_REFERENCE. */
  after: unknown;
};

export const REVISION_COLUMNS = [
  'dataset',
  'entity',
  'entity_id',
  'action',
  'actor',
  'at',
  'reason',
  'before',
  'after',
  'format',
] as const satisfies ReadonlyArray<keyof RevisionsTable>;

const snapshot = (s: unknown): string | null => (s === null || s === undefined ? null : JSON.stringify(s));

/** Appends a revision's row values in REVISION_COLUMNS order. */
export function writeRevisionParams(e: RevisionEntry, by: Actor, params: unknown[]): void {
  const byReference = e.after === AFTER_BY_REFERENCE;
  params.push(
    e.dataset,
    e.entity,
    e.entityId,
    e.action,
    by.actor,
    e.at,
    by.reason,
    snapshot(e.before),
    byReference ? null : snapshot(e.after),
    byReference ? REVISION_FORMAT.afterByReference : REVISION_FORMAT.whole,
  );
}

/**
 * Writes revisions for `count` changes; `entry(i)` describes change number i. Entries are asked for one at a
 * time while their chunk is written, so an import of 100,000 records never holds 100,000 entries or snapshots.
 * Give them in record-id order: the (entity_id, id) index then grows at its end instead of at random places,
 * which makes a big import several times faster.
 */
export async function writeRevisionsOf(
  db: Kysely<Tables>,
  dialect: Dialect,
  count: number,
  entry: (i: number) => RevisionEntry,
  by: Actor,
): Promise<void> {
  await insertChunked(db, dialect, 'revisions', REVISION_COLUMNS, count, (i, params) =>
    writeRevisionParams(entry(i), by, params),
  );
}

export async function writeRevisions(
  db: Kysely<Tables>,
  dialect: Dialect,
  entries: readonly RevisionEntry[],
  by: Actor,
): Promise<void> {
  const ordered = sortedBy(entries, (e) => e.entityId);
  await writeRevisionsOf(db, dialect, ordered.length, (i) => ordered[i]!, by);
}

export async function listRevisions(db: Kysely<Tables>, entityId: string): Promise<Revision[]> {
  const rows = await selectRevisions(db)
    .where('r.entity_id', '=', entityId)
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map(rowToRevision);
}

export const DEFAULT_REVISION_LIMIT = 100;

export async function listDatasetRevisions(
  db: Kysely<Tables>,
  dataset: DatasetId,
  limit = DEFAULT_REVISION_LIMIT,
): Promise<Revision[]> {
  const rows = await selectRevisions(db)
    .where('r.dataset', '=', dataset)
    .orderBy('r.id', 'desc')
    .limit(Math.max(0, Math.floor(limit)))
    .execute();
  return rows.map(rowToRevision);
}

export async function getRevision(db: Kysely<Tables>, id: number): Promise<Revision | null> {
  const row = await selectRevisions(db).where('r.id', '=', id).executeTakeFirst();
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
