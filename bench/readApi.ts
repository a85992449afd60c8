import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp, ensureSeeded } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';

// Requests per second for the dataset document from the read API against the same bytes served as a static
// file (precompressed, as a CDN or the bake would) by the same process. The API answers from an in-memory
// snapshot keyed by the store's last change, so it should be within a small factor of static (target ≥ 0.5).

export type BenchOptions = { seconds?: number; concurrency?: number; port?: number };
export type BenchResult = { apiRps: number; staticRps: number; ratio: number };

const HEADERS = { 'Accept-Encoding': 'gzip' };

async function load(url: string, seconds: number, concurrency: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const res = await fetch(url, { headers: HEADERS });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

export async function benchReadApi(options: BenchOptions = {}): Promise<BenchResult> {
  const seconds = options.seconds ?? 5;
  const concurrency = options.concurrency ?? 16;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const store = await openStore(`sqlite:${join(dir, 'atlas.db')}`);
  let server: Server | undefined;
  try {
    const { datasetId } = await ensureSeeded(store);
    const api = createApp({ store });
    const apiPath = `/api/v1/datasets/${datasetId}/document`;
    const bytes = new Uint8Array(await (await api.request(apiPath)).arrayBuffer());
    const file = join(dir, 'document.json');
    writeFileSync(file, bytes);
    writeFileSync(`${file}.gz`, gzipSync(bytes));

    const outer = new Hono();
    outer.get('/static/document.json', serveStatic({ path: file, precompressed: true }));
    outer.route('/', api);
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: outer.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }) as Server;
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // Warm both paths (JIT, snapshot, rendition), then alternate so neither gets the quieter half of the run.
    await load(`${base}${apiPath}`, 1, concurrency);
    await load(`${base}/static/document.json`, 1, concurrency);
    const half = seconds / 2;
    const s1 = await load(`${base}/static/document.json`, half, concurrency);
    const a1 = await load(`${base}${apiPath}`, half, concurrency);
    const a2 = await load(`${base}${apiPath}`, half, concurrency);
    const s2 = await load(`${base}/static/document.json`, half, concurrency);
    const apiRps = Math.round((a1 + a2) / 2);
    const staticRps = Math.round((s1 + s2) / 2);
    return { apiRps, staticRps, ratio: Math.round((apiRps / staticRps) * 100) / 100 };
  } finally {
    if (server !== undefined) {
      const s = server;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    }
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : 0;
  const seconds = process.env.BENCH_SECONDS ? Number(process.env.BENCH_SECONDS) : 5;
  console.log(JSON.stringify(await benchReadApi({ port, seconds })));
}
