import { planImport } from '../core/diff.ts';
import type { DatasetId } from '../core/ids.ts';
import { formatProblem } from '../core/report.ts';
import type { Dataset } from '../core/schemas.ts';
import { parseFile } from '../formats/index.ts';
import { loadShippedConfig, loadShippedSheet } from '../shipped/index.ts';
import type { Actor, Store } from '../store/types.ts';

// First start on an empty database fills it with the dataset this project ships, so `npm start` shows a map
// at once. Everything is parsed and checked before anything is written.

const SYSTEM: Actor = { actor: 'system', reason: 'initial seed' };

export type SeedResult = { seeded: boolean; datasetId: DatasetId };

/** Where the seed comes from; the shipped dataset unless a test or an operator says otherwise. */
export type SeedSource = {
  config: () => Promise<Dataset>;
  sheet: () => Promise<{ bytes: Uint8Array; fileName: string }>;
};

export const SHIPPED_SEED: SeedSource = { config: loadShippedConfig, sheet: loadShippedSheet };

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

// The shipped files' loaders name the file and field; a broken file is the operator's to fix, not a crash.
async function load<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw new SeedError(err instanceof Error ? err.message : String(err));
  }
}

// A dataset whose configuration exists but which never had a record (a CLI that only created the
// configuration, or a seed that failed half-way) is seeded too; one whose records were deleted is not.
async function isBlank(store: Store, id: DatasetId): Promise<boolean> {
  const [lastChange, notes, agreements] = await Promise.all([
    store.lastChange(id),
    store.listNotes(id),
    store.listAgreements(id),
  ]);
  return lastChange === null && notes.length === 0 && agreements.length === 0;
}

export async function ensureSeeded(store: Store, source: SeedSource = SHIPPED_SEED): Promise<SeedResult> {
  const existing = await store.listDatasets();
  const dataset = existing.length === 0 ? await load(source.config) : null;
  const target = dataset ?? existing[0]!;
  if (dataset === null && (existing.length > 1 || !(await isBlank(store, target.id)))) {
    return { seeded: false, datasetId: target.id };
  }
  const config = dataset ?? target;
  const { bytes, fileName } = await load(source.sheet);
  const parsed = await parseFile(bytes, fileName, config);
  if (parsed.errors.length > 0) {
    const lines = parsed.errors.slice(0, 20).map((p) => formatProblem(fileName, p));
    throw new SeedError(
      `the seed sheet has ${parsed.errors.length} error(s); fix them and start again:\n${lines.join('\n')}`,
    );
  }
  const plan = planImport({ agreements: [], notes: [] }, parsed);
  if (dataset !== null) await store.putDataset(dataset, SYSTEM);
  try {
    await store.applyImport(config.id, plan, SYSTEM);
  } catch (err) {
    // Several instances starting at once on one PostgreSQL: one wins, the others find the records there.
    if ((await store.lastChange(config.id)) !== null) return { seeded: false, datasetId: config.id };
    throw err;
  }
  return { seeded: true, datasetId: config.id };
}
