import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openStore } from './openStore.ts';
import type { Store } from './types.ts';

// Test support: a throw-away database per test file — a SQLite file in a fresh temp dir, or a PostgreSQL schema
// with a random name (vitest runs files in parallel; they must never share tables).

export type TestDialect = 'sqlite' | 'postgres';

export const PG_SKIPPED = 'PostgreSQL suite skipped: TEST_DATABASE_URL is not set';

/** The dialects named in TEST_DB (default: both); postgres only runs when TEST_DATABASE_URL is set. */
export function testDialects(): Array<{ dialect: TestDialect; skip: string | null }> {
  const names = (process.env.TEST_DB ?? 'sqlite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return names.map((name) => {
    if (name !== 'sqlite' && name !== 'postgres') {
      throw new Error(`TEST_DB names "${name}"; use sqlite, postgres or both separated by a comma`);
    }
    const skip = name === 'postgres' && !process.env.TEST_DATABASE_URL ? PG_SKIPPED : null;
    return { dialect: name, skip };
  });
}

export type TempDatabase = { url: string; dispose: () => Promise<void> };

export async function tempDatabase(dialect: TestDialect): Promise<TempDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-store-'));
    return {
      url: `sqlite:${join(dir, 'nested', 'atlas.db')}`,
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error(PG_SKIPPED);
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return {
    url: u.toString(),
    dispose: async () => {
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: base, max: 1 }) }),
      });
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      } finally {
        await db.destroy();
      }
    },
  };
}

/** A store on a throw-away database; `dispose` closes it and removes the database. */
export async function tempStore(
  dialect: TestDialect,
): Promise<{ store: Store; url: string; dispose: () => Promise<void> }> {
  const db = await tempDatabase(dialect);
  const store = await openStore(db.url);
  return {
    store,
    url: db.url,
    dispose: async () => {
      await store.close();
      await db.dispose();
    },
  };
}
