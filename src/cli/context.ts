import { readFile, stat } from 'node:fs/promises';
import { type DatasetId, DatasetIdSchema } from '../core/ids.ts';
import type { Dataset } from '../core/schemas.ts';
import { MAX_FILE_BYTES } from '../formats/limits.ts';
import { loadDatasetConfig, loadShippedConfig } from '../shipped/index.ts';
import { DEFAULT_DATABASE_URL, openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { DataError, UsageError } from './errors.ts';

/** ATLAS_MAX_UPLOAD_BYTES (formats/limits.ts), as the server's. */
export const MAX_INPUT_BYTES = MAX_FILE_BYTES;

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore(databaseUrl());
  } catch (e) {
    throw new DataError(`cannot open the database ${redact(databaseUrl())}: ${(e as Error).message}`);
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Hides a password in a connection URL before printing it. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export function parseDatasetId(raw: string | undefined): DatasetId | undefined {
  if (raw === undefined) return undefined;
  const r = DatasetIdSchema.safeParse(raw);
  if (!r.success) throw new UsageError(`--dataset "${raw}": ${r.error.issues[0]?.message ?? 'invalid id'}`);
  return r.data;
}

/** The configuration used to read a file without a database: --config FILE, else the shipped dataset's. */
export async function fileConfig(configPath: string | undefined): Promise<Dataset> {
  try {
    return configPath ? await loadDatasetConfig(configPath) : await loadShippedConfig();
  } catch (e) {
    throw new DataError((e as Error).message);
  }
}

/**
 * The dataset a database command acts on: --dataset ID, else the default (first) dataset. A database with no
 * dataset yet gets the shipped dataset's configuration (or --config's) on first use. An import passes
 * `persist: false` and writes the configuration only together with its records, so a refused file writes nothing.
 */
export async function storeDataset(
  store: Store,
  id: DatasetId | undefined,
  configPath?: string,
  { persist = true }: { persist?: boolean } = {},
): Promise<Dataset> {
  if (id !== undefined) {
    const ds = await store.getDataset(id);
    if (ds) return ds;
    if (configPath) {
      const config = await fileConfig(configPath);
      if (config.id === id) {
        if (persist) await store.putDataset(config, { actor: 'cli', reason: 'dataset created on first use' });
        return config;
      }
      // The usual first-run slip: --dataset names the new dataset, while the JSON's "id" says another.
      throw new DataError(
        `the configuration ${configPath} is dataset "${config.id}", not "${id}": give --dataset ${config.id}, or change the "id" in the JSON`,
      );
    }
    const known = (await store.listDatasets()).map((d) => d.id);
    throw new DataError(
      `there is no dataset "${id}" in the database; known datasets: ${known.length ? known.join(', ') : 'none'}`,
    );
  }
  const all = await store.listDatasets();
  if (all[0]) return all[0];
  const config = await fileConfig(configPath);
  if (persist) await store.putDataset(config, { actor: 'cli', reason: 'dataset created on first use' });
  return config;
}

export async function readInputFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new DataError(`${path}: is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`${path}: file not found; check the path`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new DataError(
      `${path}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB (ATLAS_MAX_UPLOAD_BYTES). Split the sheet or remove unused columns and rows`,
    );
  }
  return new Uint8Array(await readFile(path));
}
