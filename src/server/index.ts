import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { ImportWorkerPool, workersCanOpen } from '../importing/workerPool.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { createApp } from './app.ts';
import type { TrustProxy } from './http/clientAddress.ts';
import { type Logger, silentLogger } from './http/logger.ts';
import type { PublishConfig } from './publish/publishRoutes.ts';
import { ensureSeeded } from './seed.ts';

// The public face of the server: build the app (tests, embedding) or run it on a port.

export { escapeHtml } from '../web/ssr.ts';
export { type AppOptions, createApp } from './app.ts';
export { HttpError } from './http/httpError.ts';
export { createLogger, type Logger } from './http/logger.ts';
export { buildOpenApi } from './openapi/openapi.ts';
export { renderPlaceholder } from './pages/placeholder.ts';
export { renderers } from './read/renderers.ts';
export { DatasetSnapshots, type RenditionKind, type Snapshot } from './read/snapshots.ts';
export { ensureSeeded, SeedError, type SeedResult, type SeedSource } from './seed.ts';

const CLOSE_GRACE_MS = 2000;

export type StartOptions = {
  port: number;
  databaseUrl: string;
  /** Interface to listen on; all interfaces when unset. */
  hostname?: string;
  logger?: Logger;
  /** Dataset shown at `/` (the DEFAULT_DATASET setting); must exist. */
  defaultDataset?: string;
  /** Fill an empty database with the shipped dataset (default true). */
  seed?: boolean;
  /** Where the editor's Publish bakes the static site (ATLAS_PUBLISH_DIR); off when unset. */
  publish?: PublishConfig | null;
  /** Reverse proxies whose X-Forwarded-* headers are believed (ATLAS_TRUST_PROXY). */
  trustProxy?: TrustProxy;
  /** Other origins whose state changes are accepted (ATLAS_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
};

export type RunningServer = { url: string; port: number; store: Store; app: Hono; close(): Promise<void> };

/** A mistake in how the server was started (port taken, unknown default dataset): say it, no stack. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

// The store's messages already name DATABASE_URL and what to check; they are the operator's to act on.
async function open(databaseUrl: string): Promise<Store> {
  try {
    return await openStore(databaseUrl);
  } catch (err) {
    throw new StartupError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}

function listen(app: Hono, port: number, hostname: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }) as Server;
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `port ${port} is already in use; stop the other program or set PORT to a free port`,
          ),
        );
      } else if (err.code === 'EACCES') {
        reject(new StartupError(`not allowed to listen on port ${port}; use a port above 1023 (set PORT)`));
      } else reject(err);
    });
    server.once('listening', () => resolve(server));
  });
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const logger = options.logger ?? silentLogger;
  const store = await open(options.databaseUrl);
  // Imports run in worker threads with stores of their own on the same database (not for an in-memory one).
  let importer: ImportWorkerPool | null = null;
  try {
    if (options.seed !== false) {
      const seed = await ensureSeeded(store);
      if (seed.seeded) logger.info({ dataset: seed.datasetId }, 'empty database: seeded the shipped dataset');
    }
    if (options.defaultDataset !== undefined) {
      const ids = (await store.listDatasets()).map((d) => d.id as string);
      if (!ids.includes(options.defaultDataset)) {
        throw new StartupError(
          `DEFAULT_DATASET "${options.defaultDataset}" is not a dataset here; known: ${ids.join(', ') || 'none'}`,
        );
      }
    }
    importer = workersCanOpen(options.databaseUrl)
      ? new ImportWorkerPool({ databaseUrl: options.databaseUrl })
      : null;
    const app = createApp({
      store,
      logger,
      ...(importer ? { importer } : {}),
      ...(options.defaultDataset !== undefined ? { defaultDataset: options.defaultDataset } : {}),
      publish: options.publish ?? null,
      trustProxy: options.trustProxy ?? false,
      allowedOrigins: options.allowedOrigins ?? [],
    });
    const server = await listen(app, options.port, options.hostname);
    const port = (server.address() as AddressInfo).port;
    const host =
      !options.hostname || options.hostname === '0.0.0.0' || options.hostname === '::'
        ? 'localhost'
        : options.hostname;
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // In-flight requests get a moment to finish; a client that never reads its answer does not hold
        // the process open.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      })
        .then(() => importer?.close())
        .then(() => store.close());
      return closing;
    };
    return { url: `http://${host}:${port}`, port, store, app, close };
  } catch (err) {
    await importer?.close();
    await store.close();
    throw err;
  }
}
