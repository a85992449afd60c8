import type { Kysely } from 'kysely';
import type { DatasetId } from '../core/ids.ts';
import type { Dialect } from './migrations.ts';
import type { Tables } from './tables.ts';
import { NotFoundError } from './types.ts';

/** What every store operation works on: a connection (often a transaction) and its dialect's limits. */
export type Tx = { db: Kysely<Tables>; dialect: Dialect };

/** Timestamps are ISO-8601 UTC text with milliseconds: they sort as strings in both dialects. */
export function nowIso(): string {
  return new Date().toISOString();
}

export async function ensureDataset(tx: Tx, dataset: DatasetId): Promise<void> {
  const row = await tx.db.selectFrom('datasets').select('id').where('id', '=', dataset).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(`dataset "${dataset}"`);
}

/** Drops keys whose value is undefined, so `{ title: undefined }` in a patch means "unchanged". */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** Both drivers report a unique-constraint failure in their own words. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
