import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

// Kysely's SQLite driver opens transactions with a plain BEGIN, which takes the write lock only at the first
// write: a transaction that reads, then writes, can then fail at once with SQLITE_BUSY when another process
// wrote in between, whatever busy_timeout says. BEGIN IMMEDIATE takes the lock up front and waits for it.

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

type Statement = ReturnType<Database.Database['prepare']>;

/**
 * Kysely prepares every query anew; a batch import sends the same multi-row INSERT text many times, so
 * statements are cached by their SQL text (a small LRU: statement objects hold memory in SQLite).
 */
function withStatementCache(db: Database.Database, capacity = 64): SqliteDialectConfig['database'] {
  const cache = new Map<string, Statement>();
  return {
    close: (): void => {
      cache.clear();
      db.close();
    },
    prepare: (sql: string): Statement => {
      const hit = cache.get(sql);
      if (hit !== undefined) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}

export function sqliteDialect(db: Database.Database): SqliteDialect {
  return new ImmediateSqliteDialect({ database: withStatementCache(db) });
}
