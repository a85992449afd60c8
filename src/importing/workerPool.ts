import { Worker } from 'node:worker_threads';
import { ZodError } from 'zod';
import { ConflictError, NotFoundError, StaleVersionError } from '../store/types.ts';
import type { SerializedError, WorkerJob, WorkerReply } from './importWorker.ts';
import type { ImportReport, ImportRequest } from './runImport.ts';
import * as runImportModule from './runImport.ts';

// A small pool of import workers (importWorker.ts) for the server: imports run off the request thread, at most
// `size` at once, a few more waiting, the rest refused at once — so three parallel bomb uploads cannot take the
// machine, and /healthz answers while a 100,000-row import runs. Each worker has a memory ceiling; a worker that
// passes it dies alone (the import is refused, naming the limit) and is replaced.

export type ImportPoolOptions = {
  /** The database the server uses; each worker opens its own store on it. */
  databaseUrl: string;
  /** Imports at once (ATLAS_IMPORT_WORKERS, default 2). */
  size?: number;
  /** Imports waiting for a worker before more are refused (ATLAS_IMPORT_QUEUE, default 4). */
  queue?: number;
  /** A worker's heap ceiling in MB (ATLAS_IMPORT_WORKER_MEMORY_MB, default 1024). */
  memoryMb?: number;
};

/** An import the pool refuses (busy, or the worker ran out of memory): an HTTP status and a message. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
  constructor(
    readonly status: 413 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`${name}="${raw}" is not a whole number above 0; unset it for the default ${fallback}`);
  }
  return n;
}

/** Error classes a worker's error is rebuilt as, so the route's `instanceof` checks hold across the thread. */
const KNOWN_ERRORS: ReadonlyArray<abstract new (...args: never[]) => Error> = [
  StaleVersionError,
  ConflictError,
  NotFoundError,
  ZodError,
  ...(Object.values(runImportModule) as unknown[]).filter(
    (v): v is abstract new (...args: never[]) => Error =>
      typeof v === 'function' && (v as { prototype?: unknown }).prototype instanceof Error,
  ),
];

function rebuild(e: SerializedError): Error {
  const cls = KNOWN_ERRORS.find((c) => c.name === e.name);
  const err: Error = cls ? Object.create(cls.prototype) : new Error(e.message);
  Object.assign(err, e.props, { message: e.message });
  if (e.stack) err.stack = e.stack;
  return err;
}

type Job = {
  id: number;
  req: ImportRequest;
  resolve: (r: ImportReport) => void;
  reject: (e: Error) => void;
};

type Slot = { worker: Worker; job: Job | null };

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class ImportWorkerPool {
  readonly #url: string;
  readonly #size: number;
  readonly #queueLimit: number;
  readonly #memoryMb: number;
  readonly #slots: Slot[] = [];
  readonly #waiting: Job[] = [];
  #next = 1;
  #closed = false;

  constructor(options: ImportPoolOptions) {
    this.#url = options.databaseUrl;
    this.#size = options.size ?? envNumber('ATLAS_IMPORT_WORKERS', 2);
    this.#queueLimit = options.queue ?? envNumber('ATLAS_IMPORT_QUEUE', 4);
    this.#memoryMb = options.memoryMb ?? envNumber('ATLAS_IMPORT_WORKER_MEMORY_MB', 1024);
    // One worker is started at once (loading TypeScript and opening a store take seconds on a busy machine), so
    // the first import does not wait for it; more start when imports overlap.
    this.#spawn();
  }

  /** Runs `runImport` in a worker; resolves with its report, rejects with its (rebuilt) error. */
  run(req: ImportRequest): Promise<ImportReport> {
    if (this.#closed) return Promise.reject(new Error('the import workers are shut down'));
    const busy = this.#slots.filter((s) => s.job !== null).length;
    if (busy >= this.#size && this.#waiting.length >= this.#queueLimit) {
      return Promise.reject(
        new ImportRefusedError(
          503,
          'busy',
          `${busy + this.#waiting.length} imports are running or waiting (ATLAS_IMPORT_WORKERS=${this.#size}, ATLAS_IMPORT_QUEUE=${this.#queueLimit}); try again in a minute`,
        ),
      );
    }
    return new Promise<ImportReport>((resolve, reject) => {
      this.#waiting.push({ id: this.#next++, req, resolve, reject });
      this.#dispatch();
    });
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.#memoryMb },
      // The worker reads the same limits and settings as the server.
      env: process.env,
    });
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.postMessage({ warm: true, databaseUrl: this.#url });
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (job === null || reply.id !== job.id) return;
      if ('phase' in reply) {
        job.req.onPhase?.(reply.phase);
        return;
      }
      slot.job = null;
      worker.unref();
      if ('error' in reply) job.reject(rebuild(reply.error));
      else job.resolve(reply.report as ImportReport);
      this.#dispatch();
    });
    const lost = (why: string): void => {
      const i = this.#slots.indexOf(slot);
      if (i >= 0) this.#slots.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (job !== null) job.reject(new ImportRefusedError(413, 'too_large', why));
      this.#dispatch();
    };
    const outOfMemory = `the import needed more than ${this.#memoryMb} MB of memory (ATLAS_IMPORT_WORKER_MEMORY_MB); a dataset sheet is far smaller, so check that this is the right file, or split it`;
    worker.on('error', (err: Error & { code?: string }) =>
      lost(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory : `the import failed: ${err.message}`),
    );
    worker.on('exit', () => lost(outOfMemory));
    this.#slots.push(slot);
    return slot;
  }

  #dispatch(): void {
    while (this.#waiting.length > 0 && !this.#closed) {
      let slot = this.#slots.find((s) => s.job === null);
      if (slot === undefined) {
        if (this.#slots.length >= this.#size) return;
        slot = this.#spawn();
      }
      const job = this.#waiting.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      const { onPhase: _onPhase, ...req } = job.req;
      slot.worker.postMessage({ id: job.id, databaseUrl: this.#url, req } satisfies WorkerJob);
    }
  }

  /** Ends the workers (their stores closed); waiting imports are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#waiting.splice(0)) job.reject(new Error('the server is shutting down'));
    await Promise.all(
      this.#slots.splice(0).map(
        (slot) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => void slot.worker.terminate().then(() => resolve()), 2000);
            slot.worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            slot.worker.postMessage({ close: true });
          }),
      ),
    );
  }
}

/** Whether a database can be opened a second time by a worker (an in-memory SQLite database cannot). */
export function workersCanOpen(databaseUrl: string): boolean {
  return !/^sqlite::memory:$/i.test(databaseUrl.trim());
}
