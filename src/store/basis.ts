import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DatasetId } from '../core/ids.ts';
import type { Tx } from './tx.ts';

// A dataset's state, named cheaply: every write to a dataset (record, note, configuration) writes a revision,
// and revisions are never deleted, so their count and newest id change with every committed write. The count
// matters on PostgreSQL, where ids are taken at insert and may commit out of order; the newest id covers a
// database restored with another history. Both come from the (dataset, id) index in one statement.

export async function datasetBasis(tx: Tx, dataset: DatasetId): Promise<string> {
  const row = await tx.db
    .selectFrom('revisions')
    .select([sql<string | number>`count(*)`.as('n'), sql<string | number | null>`max(id)`.as('last')])
    .where('dataset', '=', dataset)
    .executeTakeFirst();
  const state = `${dataset}\n${Number(row?.n ?? 0)}\n${Number(row?.last ?? 0)}`;
  return createHash('sha256').update(state).digest('base64url').slice(0, 22);
}
