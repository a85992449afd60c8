import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { CountryCode, DatasetId } from '../core/ids.ts';
import type { NewSuggestion, Suggestion, SuggestionStatus } from '../core/suggestions.ts';
import type { SuggestionsTable } from './tables.ts';
import { ensureDataset, nowIso, type Tx } from './tx.ts';
import { NotFoundError } from './types.ts';

// Readers' corrections. Ids are random (not a counter), so a reader cannot tell how many others wrote.

function toSuggestion(r: Selectable<SuggestionsTable>): Suggestion {
  return {
    id: r.id,
    dataset: r.dataset as DatasetId,
    text: r.text,
    country: r.country as CountryCode | null,
    agreementId: r.agreement_id,
    email: r.email,
    status: r.status as SuggestionStatus,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function createSuggestion(
  tx: Tx,
  dataset: DatasetId,
  input: NewSuggestion,
): Promise<Suggestion> {
  await ensureDataset(tx, dataset);
  const now = nowIso();
  const row = {
    id: `s_${randomBytes(9).toString('base64url')}`,
    dataset,
    text: input.text,
    country: input.country,
    agreement_id: input.agreementId,
    email: input.email,
    status: 'open',
    note: '',
    created_at: now,
    updated_at: now,
  };
  await tx.db.insertInto('suggestions').values(row).execute();
  return toSuggestion(row);
}

/** Newest first. */
export async function listSuggestions(
  tx: Tx,
  dataset: DatasetId,
  status?: SuggestionStatus,
): Promise<Suggestion[]> {
  let q = tx.db.selectFrom('suggestions').selectAll().where('dataset', '=', dataset);
  if (status !== undefined) q = q.where('status', '=', status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toSuggestion);
}

export async function getSuggestion(tx: Tx, id: string): Promise<Suggestion | null> {
  const row = await tx.db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toSuggestion(row);
}

export async function updateSuggestion(
  tx: Tx,
  id: string,
  patch: { status?: SuggestionStatus; note?: string },
): Promise<Suggestion> {
  const current = await getSuggestion(tx, id);
  if (current === null) throw new NotFoundError(`suggestion "${id}"`);
  const next = {
    status: patch.status ?? current.status,
    note: patch.note ?? current.note,
    updated_at: nowIso(),
  };
  await tx.db.updateTable('suggestions').set(next).where('id', '=', id).execute();
  return { ...current, status: next.status, note: next.note, updatedAt: next.updated_at };
}
