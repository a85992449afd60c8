import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { publishVersion } from '../src/bake/index.ts';
import { planImport } from '../src/core/diff.ts';
import type { DatasetId } from '../src/core/ids.ts';
import { startServer } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/types.ts';
import { launchBrowser } from '../test/e2e/browser.ts';
import { syntheticAgreements, syntheticDataset } from './synthetic.ts';

// Publishing a version of a big dataset (what `atlas publish` does without a folder: read, compare with the
// previous version, freeze, count, store), and the change log of 50 versions: its size and its first load in
// Chromium from a real server.

type Row = [string, string, string, boolean | null];

async function fill(store: Store, dataset: DatasetId, n: number): Promise<void> {
  await store.putDataset(syntheticDataset(dataset), { actor: 'bench', reason: 'benchmark' });
  const plan = planImport(
    { agreements: [], notes: [] },
    { agreements: syntheticAgreements(n, 42), notes: [] },
  );
  await store.applyImport(dataset, plan, { actor: 'bench', reason: 'benchmark' });
}

/** Changes the summary of `k` records (spread over the dataset), as a day of research would. */
async function edit(store: Store, dataset: DatasetId, k: number, round: number): Promise<void> {
  const all = await store.listAgreements(dataset);
  const step = Math.max(1, Math.floor(all.length / k));
  for (let i = 0; i < k && i * step < all.length; i++) {
    const a = all[(i * step + round) % all.length]!;
    await store.updateAgreement(
      a.id,
      a.version,
      { summary: `${a.summary} (rev ${round})` },
      { actor: 'bench', reason: 'bench' },
    );
  }
}

export async function benchPublish(databaseUrl: string, n: number): Promise<Row[]> {
  const store = await openStore(databaseUrl);
  const dataset = 'bench-publish' as DatasetId;
  try {
    await fill(store, dataset, n);
    let t = performance.now();
    await publishVersion({ store, dataset, by: 'bench', note: 'first' });
    const first = performance.now() - t;
    await edit(store, dataset, 100, 1);
    t = performance.now();
    const second = await publishVersion({ store, dataset, by: 'bench' });
    const next = performance.now() - t;
    t = performance.now();
    await publishVersion({ store, dataset, by: 'bench' });
    const same = performance.now() - t;
    const label = `${n.toLocaleString('en')} agreements`;
    return [
      [
        `publish version 1 of ${label} (no folder)`,
        `${(first / 1000).toFixed(2)} s`,
        '≤ 10 s',
        first <= 10_000,
      ],
      [
        `publish version 2 of ${label} (${second.version.changes.changed.length} changed)`,
        `${(next / 1000).toFixed(2)} s`,
        '≤ 10 s',
        next <= 10_000,
      ],
      [`  publish again, nothing changed`, `${(same / 1000).toFixed(2)} s`, '(reported)', null],
    ];
  } finally {
    await store.close();
  }
}

export async function benchChangeLog(dir: string, versions = 50): Promise<Row[]> {
  const url = `sqlite:${join(dir, 'changes.db')}`;
  const store = await openStore(url);
  const dataset = 'bench-changes' as DatasetId;
  try {
    await fill(store, dataset, 1000);
    await publishVersion({ store, dataset, by: 'bench', note: 'version 1' });
    for (let v = 2; v <= versions; v++) {
      await edit(store, dataset, 20, v);
      await publishVersion({ store, dataset, by: 'bench', note: `version ${v}: twenty records revised` });
    }
  } finally {
    await store.close();
  }
  const server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    databaseUrl: url,
    seed: false,
    defaultDataset: dataset,
  });
  const browser = await launchBrowser();
  try {
    const base = server.url.replace(/\/$/, '');
    const html = await (await fetch(`${base}/changes/`)).text();
    const bytes = Buffer.byteLength(html);
    const gz = gzipSync(html).length;
    const page = await browser.newPage();
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/changes/`, { waitUntil: 'load' });
      loads.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return nav.loadEventEnd - nav.startTime;
        }),
      );
    }
    const first = loads[0]!;
    return [
      [
        `change log of ${versions} versions: HTML size`,
        `${(bytes / 1024).toFixed(0)} KB`,
        '(reported)',
        null,
      ],
      [`  gzip`, `${(gz / 1024).toFixed(0)} KB`, '≤ 100 KB', gz <= 100 * 1024],
      [
        `  first load in Chromium (navigation start → load)`,
        `${first.toFixed(0)} ms`,
        '≤ 1000 ms',
        first <= 1000,
      ],
      [
        `  warm loads`,
        `${loads
          .slice(1)
          .map((l) => `${l.toFixed(0)}`)
          .join(', ')} ms`,
        '(reported)',
        null,
      ],
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function runVersionBenches(n: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-versions-'));
  try {
    const rows = await benchPublish(`sqlite:${join(dir, 'publish.db')}`, n);
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (pg) {
      const u = new URL(pg);
      u.searchParams.set('schema', `bench_versions_${process.pid}`);
      rows.push(
        ...(await benchPublish(u.toString(), n)).map(([a, b, c, d]): Row => [`${a} [PostgreSQL]`, b, c, d]),
      );
      const { Kysely, PostgresDialect, sql } = await import('kysely');
      const pgmod = (await import('pg')).default;
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pgmod.Pool({ connectionString: pg, max: 1 }) }),
      });
      await sql`drop schema if exists ${sql.id(`bench_versions_${process.pid}`)} cascade`.execute(db);
      await db.destroy();
    }
    rows.push(...(await benchChangeLog(dir)));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node --import tsx bench/versions.ts [N]` runs these alone.
if (process.argv[1]?.endsWith('bench/versions.ts')) {
  const n = Number(process.argv[2] ?? process.env.BENCH_N ?? 100_000);
  for (const [name, value, target, ok] of await runVersionBenches(n))
    console.log(
      `${name.padEnd(60)} ${value.padStart(14)}   target ${target}${ok === false ? '   MISSED' : ''}`,
    );
}
