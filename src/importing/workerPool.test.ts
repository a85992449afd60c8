import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { healthDuringImport } from '../../bench/importHealth.ts';
import { syntheticAgreements, syntheticDataset } from '../../bench/synthetic.ts';
import { SEED_TXT } from '../../test/fixtures/index.ts';
import { xlsxBombBytes } from '../../test/fixtures/xlsxBomb.ts';
import { serializeCsv } from '../formats/index.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { startServer } from '../server/index.ts';
import { openStore } from '../store/index.ts';
import { tempDatabase, testDialects } from '../store/testing.ts';
import { ImportRefusedError, ImportWorkerPool } from './workerPool.ts';

// Imports through a real server, run by its worker pool: bombs are refused fast with the limit named and the
// memory flat, the server answers /healthz all along, and a 100,000-row import leaves /healthz quick.

const WHO = { email: 'ed@example.org', password: 'a long enough passphrase' };

async function editorServer(url: string) {
  const server = await startServer({ port: 0, databaseUrl: url, hostname: '127.0.0.1' });
  await server.store.createUser(WHO.email, 'editor', await hashPassword(WHO.password));
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(WHO),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const [dataset] = await server.store.listDatasets();
  const upload = (body: Uint8Array | string, name: string, dryRun = true): Promise<Response> =>
    fetch(
      `${server.url}/api/v1/datasets/${dataset!.id}/import?filename=${name}${dryRun ? '&dryRun=true' : ''}`,
      {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, origin: server.url },
        body: body as BodyInit,
      },
    );
  return { server, upload };
}

/** The process's peak RSS while `fn` runs, sampled every 10 ms, above what it was before. */
async function peakRssDelta<T>(fn: () => Promise<T>): Promise<{ value: T; deltaMB: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, deltaMB: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

describe('imports off the request thread', () => {
  for (const { dialect, skip } of testDialects()) {
    it.skipIf(skip !== null)(
      `${dialect}: a 200 MB xlsx bomb is refused within 2 s (413/422 naming the limit), three at once too`,
      async () => {
        const bomb = xlsxBombBytes();
        const db = await tempDatabase(dialect);
        const { server, upload } = await editorServer(db.url);
        try {
          // A small sheet first: the worker path works (and the worker is warm).
          const ok = await upload(readFileSync(SEED_TXT, 'utf8'), 'seed.txt');
          expect(ok.status).toBe(200);
          expect(((await ok.json()) as { dryRun: boolean }).dryRun).toBe(true);

          const start = performance.now();
          const one = await peakRssDelta(() => upload(bomb, 'bomb.xlsx'));
          const ms = performance.now() - start;
          expect([413, 422]).toContain(one.value.status);
          const body = (await one.value.json()) as { errors: Array<{ message: string }> };
          expect(body.errors[0]!.message).toMatch(
            /unzips to more than 100 MB \(ATLAS_MAX_UNZIPPED_ENTRY_BYTES\)/,
          );
          expect(ms).toBeLessThan(2000);
          expect(one.deltaMB).toBeLessThan(300);

          const three = await peakRssDelta(() =>
            Promise.all(
              [1, 2, 3].map(async () => {
                const t = performance.now();
                const r = await upload(bomb, 'bomb.xlsx');
                const health = await fetch(`${server.url}/healthz`);
                return { status: r.status, ms: performance.now() - t, health: health.status };
              }),
            ),
          );
          for (const r of three.value) {
            expect(r.status).toBe(422);
            expect(r.health).toBe(200);
            // Two run at once (ATLAS_IMPORT_WORKERS), the third waits: each is still refused in seconds.
            expect(r.ms).toBeLessThan(15_000);
          }
          expect(three.deltaMB).toBeLessThan(300);
        } finally {
          await server.close();
          await db.dispose();
        }
      },
      120_000,
    );
  }

  it('sqlite: /healthz stays quick during a 100,000-row import through the API', async () => {
    const db = await tempDatabase('sqlite');
    try {
      const r = await healthDuringImport(db.url, 100_000);
      expect(r.status).toBe(200);
      expect(r.failed).toBe(0);
      expect(r.polls).toBeGreaterThan(10);
      // The target is 200 ms; the bound here is loose for a busy test machine, yet far below the seconds a
      // parse on the request thread blocks it for.
      expect(r.p95).toBeLessThan(500);
    } finally {
      await db.dispose();
    }
  }, 240_000);

  it('refuses an import beyond the workers and the queue (503), and one that passes the memory ceiling (413)', async () => {
    const db = await tempDatabase('sqlite');
    const store = await openStore(db.url);
    const dataset = syntheticDataset('pool-test');
    await store.putDataset(dataset, { actor: 'test', reason: 'test' });
    await store.close();
    const csv = new TextEncoder().encode(serializeCsv(dataset, syntheticAgreements(3000, 5)));
    const req = {
      bytes: csv,
      fileName: 'sheet.csv',
      target: dataset,
      dryRun: true,
      by: { actor: 'test', reason: 'test' },
    };
    const pool = new ImportWorkerPool({ databaseUrl: db.url, size: 1, queue: 0 });
    const small = new ImportWorkerPool({ databaseUrl: db.url, size: 1, queue: 0, memoryMb: 8 });
    try {
      const first = pool.run(req);
      const second = await pool.run(req).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(ImportRefusedError);
      expect(second).toMatchObject({ status: 503, code: 'busy' });
      expect((await first).added).toBe(3000);

      const starved = await small.run(req).catch((e: unknown) => e);
      expect(starved).toBeInstanceOf(ImportRefusedError);
      expect(starved).toMatchObject({ status: 413 });
      expect((starved as Error).message).toMatch(
        /more than 8 MB of memory \(ATLAS_IMPORT_WORKER_MEMORY_MB\)/,
      );
      // The pool carries on: the other pool still imports.
      expect((await pool.run(req)).added).toBe(3000);
    } finally {
      await pool.close();
      await small.close();
      await db.dispose();
    }
  }, 120_000);
});
