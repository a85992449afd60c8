import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import pg from 'pg';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { type AppOptions, createApp } from './app.ts';
import { ensureSeeded } from './seed.ts';

// For the server's tests: a fresh SQLite file in a temp dir always, and a PostgreSQL schema of its own when
// TEST_DATABASE_URL is set (vitest runs files in parallel, so nothing is shared). Not used by production code.

export type TestDatabase = { dialect: 'sqlite' | 'postgres'; url: string; cleanup(): Promise<void> };

export type TestDatabaseFactory = { dialect: 'sqlite' | 'postgres'; create(): Promise<TestDatabase> };

function sqlite(): TestDatabaseFactory {
  return {
    dialect: 'sqlite',
    create: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'atlas-server-'));
      return {
        dialect: 'sqlite',
        url: `sqlite:${join(dir, 'atlas.db')}`,
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}

function postgres(base: string, label: string): TestDatabaseFactory {
  return {
    dialect: 'postgres',
    create: async () => {
      const schema = `srv_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const url = new URL(base);
      url.searchParams.set('schema', schema);
      return {
        dialect: 'postgres',
        url: url.toString(),
        cleanup: async () => {
          const client = new pg.Client({ connectionString: base });
          await client.connect();
          try {
            await client.query(`drop schema if exists "${schema}" cascade`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/** The databases a server test file runs against; `label` keeps PostgreSQL schema names readable. */
export function testDatabases(label: string): TestDatabaseFactory[] {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    console.log(`[${label}] TEST_DATABASE_URL is not set: the PostgreSQL runs of this file are skipped`);
    return [sqlite()];
  }
  return [sqlite(), postgres(base, label)];
}

export type SeededApp = { app: Hono; store: Store; db: TestDatabase; close(): Promise<void> };

/** A real store on a fresh database, seeded with the shipped dataset, behind a fresh app. */
export async function seededApp(
  factory: TestDatabaseFactory,
  options: Partial<AppOptions> = {},
): Promise<SeededApp> {
  const db = await factory.create();
  const store = await openStore(db.url);
  await ensureSeeded(store);
  const app = createApp({ store, freshnessMs: 0, ...options });
  return {
    app,
    store,
    db,
    close: async () => {
      await store.close();
      await db.cleanup();
    },
  };
}
