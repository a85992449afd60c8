import { randomBytes } from 'node:crypto';
import { syntheticAgreements, syntheticDataset } from '../../bench/synthetic.ts';
import { planImport } from '../core/diff.ts';
import type { DatasetId } from '../core/ids.ts';
import { parseDatabaseUrl } from './databaseUrl.ts';
import { openStore } from './openStore.ts';

// Times what `atlas import` does with a big sheet: read the dataset, plan, apply (with a revision per record).
// On PostgreSQL the run gets its own schema, dropped afterwards; on SQLite it uses a new dataset in the given file.

export async function benchImport(databaseUrl: string, n: number): Promise<{ ms: number }> {
  const target = parseDatabaseUrl(databaseUrl);
  const suffix = randomBytes(4).toString('hex');
  const schema = target.dialect === 'postgres' && target.schema === null ? `bench_${suffix}` : null;
  let url = databaseUrl;
  if (schema !== null) {
    const u = new URL(databaseUrl);
    u.searchParams.set('schema', schema);
    url = u.toString();
  }
  const store = await openStore(url);
  try {
    const dataset = `bench-${suffix}` as DatasetId;
    await store.putDataset(syntheticDataset(dataset), { actor: 'bench', reason: 'benchmark' });
    const incoming = { agreements: syntheticAgreements(n, 42), notes: [] };
    const start = performance.now();
    const current = {
      agreements: await store.listAgreements(dataset),
      notes: await store.listNotes(dataset),
    };
    const plan = planImport(current, incoming);
    await store.applyImport(dataset, plan, { actor: 'bench', reason: `import of ${n} synthetic agreements` });
    return { ms: Math.round(performance.now() - start) };
  } finally {
    await store.close();
    if (schema !== null) await dropSchema(databaseUrl, schema);
  }
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const { Kysely, PostgresDialect, sql } = await import('kysely');
  const pg = (await import('pg')).default;
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
  try {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  } finally {
    await db.destroy();
  }
}
