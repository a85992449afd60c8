import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { ensureSeeded } from '../src/server/seed.ts';
import { openStore } from '../src/store/index.ts';
import { startServerProcess } from './serverProcess.ts';

// Issue 11's figures: requests/s of the read API with two server processes on one database against one (a node
// load loop; wrk is not required), and how long a login takes with the failure limiter in the database.

export type Figure = [name: string, value: string, target: string, ok: boolean | null];

async function load(urls: string[], path: string, seconds: number, concurrency: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async (i: number): Promise<void> => {
    const base = urls[i % urls.length]!;
    while (performance.now() < deadline) {
      const res = await fetch(`${base}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${base}${path} answered ${res.status}`);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  return done / ((performance.now() - started) / 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A database of its own: a PostgreSQL schema when a URL is given, else a SQLite file. */
async function database(pgUrl: string | undefined): Promise<{ url: string; drop(): Promise<void> }> {
  if (pgUrl) {
    const schema = `bench_team_${process.pid}`;
    const u = new URL(pgUrl);
    u.searchParams.set('schema', schema);
    return {
      url: u.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop schema if exists "${schema}" cascade`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-team-'));
  return {
    url: `sqlite:${join(dir, 'atlas.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function runTeamBenches(
  pgUrl: string | undefined,
  seconds = Number(process.env.BENCH_SECONDS ?? 5),
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const db = await database(pgUrl);
  const label = pgUrl ? 'PostgreSQL' : 'SQLite';
  const store = await openStore(db.url);
  const user = { email: 'bench@example.org', password: 'a bench passphrase' };
  try {
    const { datasetId } = await ensureSeeded(store);
    await store.createUser(user.email, 'editor', await hashPassword(user.password));
    const path = `/api/v1/datasets/${datasetId}`;
    const a = await startServerProcess(db.url);
    try {
      await load([a.url], path, 1, 16);
      const one = await load([a.url], path, seconds, 16);
      figures.push([
        `read API on ${label}, one process, requests/s`,
        `${Math.round(one)}`,
        '(reported)',
        null,
      ]);

      const post = (body: unknown): Promise<Response> =>
        fetch(`${a.url}/api/v1/session`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        const res = await post(user);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`login answered ${res.status}`);
        times.push(performance.now() - t);
      }
      const ok = median(times);
      figures.push([
        `login answer time, limiter in ${label} (median)`,
        `${ok.toFixed(0)} ms`,
        '≤ 500 ms',
        ok <= 500,
      ]);
      const refused: number[] = [];
      for (let i = 0; i < 8; i++) {
        const t = performance.now();
        await (await post({ ...user, password: `wrong ${i}` })).arrayBuffer();
        refused.push(performance.now() - t);
      }
      figures.push([
        `  wrong password, then 429 once limited (median)`,
        `${median(refused).toFixed(0)} ms`,
        '(reported)',
        null,
      ]);

      if (!pgUrl) {
        figures.push([
          'read API, two processes: skipped (set TEST_DATABASE_URL: SQLite is one machine’s file)',
          '-',
          '',
          null,
        ]);
        return figures;
      }
      const b = await startServerProcess(db.url);
      try {
        await load([a.url, b.url], path, 1, 16);
        const two = await load([a.url, b.url], path, seconds, 16);
        figures.push([
          `read API on ${label}, two processes, requests/s`,
          `${Math.round(two)}`,
          '(reported)',
          null,
        ]);
        figures.push([
          `  two / one (2 cores shared with the load generator)`,
          (two / one).toFixed(2),
          '≥ 1.0',
          two / one >= 1,
        ]);
      } finally {
        await b.stop();
      }
    } finally {
      await a.stop();
    }
  } finally {
    await store.close();
    await db.drop();
  }
  return figures;
}
