import { sql } from 'kysely';
import type { Tx } from './tx.ts';
import type { RateWindow } from './types.ts';

// The limiters' memory, in the database so every server process counts the same hits: one row per hit, keyed by
// a bucket (what is limited: "login-pair", "suggestions"…) and a key (who: an address, an e-mail and address).
// Policies (how many, how long, back-off) live with their callers in the server.

export async function addRateHit(tx: Tx, bucket: string, key: string, at: string): Promise<number> {
  const row = await tx.db
    .insertInto('rate_hits')
    .values({ bucket, key: key.slice(0, 400), at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Takes one place for `key` if fewer than `max` hits fall at or after `since`: counts and writes under a lock on
 * the key (PostgreSQL: a transaction-scoped advisory lock; SQLite: the store's transactions begin immediate), so two processes racing
 * for the last place cannot both get it, and a burst is never refused as a whole. Run inside a transaction.
 */
export async function takeRateHit(
  tx: Tx,
  bucket: string,
  key: string,
  at: string,
  since: string,
  max: number,
): Promise<RateWindow & { taken: boolean }> {
  if (tx.dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext(${`${bucket}\n${key.slice(0, 400)}`}))`.execute(tx.db);
  const before = await rateWindow(tx, bucket, key, since);
  if (before.count >= max) return { ...before, taken: false };
  await addRateHit(tx, bucket, key, at);
  return { count: before.count + 1, first: before.first ?? at, last: at, taken: true };
}

export async function rateWindow(tx: Tx, bucket: string, key: string, since: string): Promise<RateWindow> {
  const row = await tx.db
    .selectFrom('rate_hits')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.min('at').as('first'),
      eb.fn.max('at').as('last'),
    ])
    .where('bucket', '=', bucket)
    .where('key', '=', key.slice(0, 400))
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), first: row.first ?? null, last: row.last ?? null };
}

export async function clearRateHits(tx: Tx, bucket: string, key: string): Promise<void> {
  await tx.db
    .deleteFrom('rate_hits')
    .where('bucket', '=', bucket)
    .where('key', '=', key.slice(0, 400))
    .execute();
}

export async function pruneRateHits(tx: Tx, before: string): Promise<void> {
  await tx.db.deleteFrom('rate_hits').where('at', '<', before).execute();
}
