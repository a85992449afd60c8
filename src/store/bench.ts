import { randomBytes } from 'node:crypto';
import { syntheticAgreements, syntheticDataset } from '../../bench/synthetic.ts';
import { CARRIES_ALL, type Carried, planImport } from '../core/diff.ts';
import type { DatasetId } from '../core/ids.ts';
import { parseDatabaseUrl } from './databaseUrl.ts';
import { openStore } from './openStore.ts';

// Times what `atlas import` does with a big sheet: read the dataset, plan, apply (with a revision per record).
// On PostgreSQL the run gets its own schema, dropped afterwards; on SQLite it uses a new dataset in the given file.
// `reimportMs` times the team's next import of the same sheet under the seed layout's field rules (titles, status
// and source metadata kept from the database; 1% of summaries changed), bound to the basis read before planning.

/** What the seed layout carries (formats/seed/parseSeed.ts SEED_CARRIES; the store may not import formats). */
const SEED_LIKE: Carried = {
  ...CARRIES_ALL,
  title: false,
  status: false,
  sourceTitles: false,
  archivedUrls: false,
  linkChecks: false,
};

export async function benchImport(
  databaseUrl: string,
  n: number,
): Promise<{
  ms: number;
  reimportMs: number;
  reimportChanged: number;
  cpuMs: number;
  reimportCpuMs: number;
}> {
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
    // CPU time too: on a shared machine the wall time says more about the neighbours than about the import.
    const cpu = (since?: NodeJS.CpuUsage): number => {
      const u = process.cpuUsage(since);
      return Math.round((u.user + u.system) / 1000);
    };
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const current = {
      agreements: await store.listAgreements(dataset),
      notes: await store.listNotes(dataset),
    };
    const plan = planImport(current, incoming);
    await store.applyImport(dataset, plan, { actor: 'bench', reason: `import of ${n} synthetic agreements` });
    const ms = Math.round(performance.now() - start);
    const cpuMs = cpu(cpuStart);

    const next = incoming.agreements.map((a, i) =>
      i % 100 === 0 ? { ...a, title: '', summary: `${a.summary} (revised)` } : { ...a, title: '' },
    );
    const cpuAgain = process.cpuUsage();
    const again = performance.now();
    const basis = await store.datasetBasis(dataset);
    const stored = { agreements: await store.listAgreements(dataset), notes: await store.listNotes(dataset) };
    const replan = planImport(stored, { agreements: next, notes: [] }, SEED_LIKE);
    await store.applyImport(dataset, replan, { actor: 'bench', reason: 're-import' }, { basis });
    const reimportMs = Math.round(performance.now() - again);
    return { ms, reimportMs, reimportChanged: replan.changed.length, cpuMs, reimportCpuMs: cpu(cpuAgain) };
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
