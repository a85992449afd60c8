import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChunked } from './batch.ts';
import { preparedPool } from './preparedPool.ts';
import type { Tables } from './tables.ts';
import { PG_SKIPPED } from './testing.ts';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.log(PG_SKIPPED);

describe.skipIf(!url)('preparedPool on PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let pool: pg.Pool;
  let db: Kysely<Tables>;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: preparedPool(pool) }) });
    await sql`create schema ${sql.id(schema)}`.execute(db);
    await sql`create table datasets (id text, config text, created_at text, updated_at text)`.execute(db);
  });
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
  });

  it('sends batch INSERTs as named prepared statements and other queries as before', async () => {
    const columns = ['id', 'config', 'created_at', 'updated_at'] as const;
    const write = (i: number, params: unknown[]): void => {
      params.push(`d-${i}`, '{}', 't', 't');
    };
    await insertChunked(db, 'postgres', 'datasets', columns, 2512, write);
    await insertChunked(db, 'postgres', 'datasets', columns, 2512, write);
    const count = await db
      .selectFrom('datasets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5024);
    // max: 1 — the same session that ran the inserts.
    const prepared = await sql<{
      name: string;
    }>`select name from pg_prepared_statements order by name`.execute(db);
    const names = prepared.rows.map((r) => r.name);
    expect(names.length).toBe(1); // one JSON-rows statement for every chunk, prepared once
    expect(names.every((n) => n.startsWith('atlas_batch_'))).toBe(true);
  });
});
