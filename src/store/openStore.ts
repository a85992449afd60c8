import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './databaseUrl.ts';
import { KyselyStore } from './kyselyStore.ts';
import { preparedPool } from './preparedPool.ts';
import { sqliteDialect } from './sqliteDialect.ts';
import type { Tables } from './tables.ts';
import type { Store } from './types.ts';

// Opening a store also brings its schema up to date, so every entry point (server, CLI, bake, tests) can just
// open and use it.

function openSqlite(path: string): KyselyStore {
  const file = path === ':memory:' ? path : resolve(path);
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // In WAL mode NORMAL keeps the database consistent after a crash; it only risks the last commits on power loss.
    db.pragma('synchronous = NORMAL');
    // Statement journals (how SQLite undoes one failed statement inside a transaction) stay in memory instead of
    // spilling to a temporary file past 64 KiB: a 1,000-row INSERT spills, and an import inserted ~10% faster
    // without the file (measured here). They, and temporary sort tables, are small for this store's queries.
    db.pragma('temp_store = MEMORY');
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot open the SQLite database at ${file}: ${why}. Check the path in DATABASE_URL and its permissions.`,
    );
  }
  return new KyselyStore(new Kysely<Tables>({ dialect: sqliteDialect(db) }), 'sqlite');
}

/** host:port/database, never the password. */
function describe(connectionString: string): string {
  const u = new URL(connectionString);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

async function openPostgres(connectionString: string, schema: string | null): Promise<KyselyStore> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client that loses its connection must not crash the process; the pool replaces it on next use.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: preparedPool(pool) }) });
  try {
    if (schema !== null) {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    }
    const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const where = current.rows[0]?.schema;
    if (!where) throw new Error('the connection has no current schema (check search_path)');
    return new KyselyStore(db, 'postgres', where);
  } catch (err) {
    await db.destroy();
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot use the PostgreSQL database at ${describe(connectionString)}: ${why}`);
  }
}

/** Opens `sqlite:PATH` or `postgres://...` and runs pending migrations. */
export async function openStore(databaseUrl: string = DEFAULT_DATABASE_URL): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  const store =
    target.dialect === 'sqlite'
      ? openSqlite(target.path)
      : await openPostgres(target.connectionString, target.schema);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
