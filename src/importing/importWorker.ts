import { parentPort } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { type ImportRequest, runImport } from './runImport.ts';

// Runs one import at a time off the server's request thread: parse, plan and apply (runImport, unchanged) on a
// store of its own over the same database, so a big or hostile upload never stalls /healthz or other requests.
// Messages: { id, databaseUrl, req } in; { id, phase } while working, then { id, report } or { id, error } out.

export type WorkerJob = { id: number; databaseUrl: string; req: Omit<ImportRequest, 'onPhase'> };
export type SerializedError = {
  name: string;
  message: string;
  stack?: string;
  props: Record<string, unknown>;
};
export type WorkerReply =
  | { id: number; phase: 'parsing' | 'comparing' | 'writing' }
  | { id: number; report: unknown }
  | { id: number; error: SerializedError };

const port = parentPort;
if (port === null) throw new Error('importWorker.ts runs as a worker thread (see workerPool.ts)');

const stores = new Map<string, Promise<Store>>();

function storeFor(url: string): Promise<Store> {
  let store = stores.get(url);
  if (store === undefined) {
    store = openStore(url);
    stores.set(url, store);
    store.catch(() => stores.delete(url));
  }
  return store;
}

function serialize(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), props: {} };
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    try {
      props[k] = structuredClone(v);
    } catch {
      // A property that cannot cross threads is left out; name and message always do.
    }
  }
  return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}), props };
}

port.on('message', async (job: WorkerJob | { close: true } | { warm: true; databaseUrl: string }) => {
  if ('close' in job) {
    for (const s of stores.values()) await (await s.catch(() => null))?.close();
    process.exit(0);
  }
  if ('warm' in job) {
    // Open the store ahead of the first import; a failure is reported by that import.
    await storeFor(job.databaseUrl).catch(() => {});
    return;
  }
  try {
    const store = await storeFor(job.databaseUrl);
    const report = await runImport(store, {
      ...job.req,
      onPhase: (phase) => port.postMessage({ id: job.id, phase } satisfies WorkerReply),
    });
    port.postMessage({ id: job.id, report } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ id: job.id, error: serialize(err) } satisfies WorkerReply);
  }
});
