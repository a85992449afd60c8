import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { preparedStatementName } from './batchSql.ts';

// Kysely sends every query unnamed, so PostgreSQL parses and plans a batch INSERT again for each chunk.
// This pool hands Kysely clients that send the batch INSERTs (and only those: one per table and column set)
// as named prepared statements, parsed once per connection. Everything else passes through unchanged.
// Behind a transaction-mode connection pooler, use one that supports prepared statements (PgBouncer ≥ 1.21).

export function preparedPool(pool: pg.Pool): PostgresPool {
  // Kysely keys its connection objects by client, so each pg client keeps one wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = (sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as pg.Submittable);
      const name = preparedStatementName(sqlOrCursor);
      const values = [...(parameters ?? [])];
      return name === undefined
        ? client.query(sqlOrCursor, values)
        : client.query({ name, text: sqlOrCursor, values });
    };
    return {
      query: query as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  };
  return {
    connect: async (): Promise<PostgresPoolClient> => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: (): Promise<void> => pool.end(),
  };
}
