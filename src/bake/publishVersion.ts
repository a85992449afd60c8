import type { DatasetId } from '../core/ids.ts';
import { type DatasetDocument, DOCUMENT_SCHEMA } from '../core/schemas.ts';
import { computeStats } from '../core/stats.ts';
import { sameContent, versionChanges } from '../core/versionChanges.ts';
import type { Store, VersionSummary } from '../store/types.ts';
import { BakeError, type BakeOptions, type BakeResult, bakeSite } from './bake.ts';
import { agreementTexts, documentText, readPreviousDocument } from './frozenDocument.ts';
import { withPublishLease } from './publishLease.ts';

// Publishing: record version N+1 of a dataset (its frozen document, counts and changes since N, a note), then
// bake the static site where a folder is configured. Shared by `atlas publish` and the editor's Publish. Nothing
// changed since N (records, notes, what readers see of the dataset) means no new version.

export type PublishOptions = {
  store: Store;
  /** Default: the first dataset. */
  dataset?: DatasetId;
  note?: string;
  /** Who publishes (the revision of the dataset's publication time names them). */
  by: string;
  now?: Date;
  /** Bake into this folder afterwards (the store is taken from above). */
  bake?: Omit<BakeOptions, 'store' | 'leaseHeld'> | null;
};

export type PublishResult = {
  dataset: DatasetId;
  /** False when nothing changed since the latest version (which `version` then is). */
  created: boolean;
  version: VersionSummary;
  bake: BakeResult | null;
};

export const MAX_NOTE_LENGTH = 2000;

async function resolveDataset(store: Store, id: DatasetId | undefined): Promise<DatasetDocument['dataset']> {
  const datasets = await store.listDatasets();
  if (datasets.length === 0) throw new BakeError('the database has no dataset to publish; import one first');
  const found = id === undefined ? datasets[0] : datasets.find((d) => d.id === id);
  if (!found)
    throw new BakeError(`there is no dataset "${id}"; known: ${datasets.map((d) => d.id).join(', ')}`);
  return found;
}

async function recordVersion(opts: PublishOptions): Promise<{ created: boolean; version: VersionSummary }> {
  const { store } = opts;
  const note = (opts.note ?? '').trim();
  if (note.length > MAX_NOTE_LENGTH)
    throw new BakeError(`the note is ${note.length} characters long; keep it under ${MAX_NOTE_LENGTH}`);
  const dataset = await resolveDataset(store, opts.dataset);
  const [agreements, notes, versions] = await Promise.all([
    store.listAgreements(dataset.id),
    store.listNotes(dataset.id),
    store.listVersions(dataset.id),
  ]);
  const latest = versions[0];
  const texts = agreementTexts(agreements);
  let previous: DatasetDocument | null = null;
  if (latest !== undefined) {
    const text = await store.getVersionDocument(dataset.id, latest.number);
    previous = text === null ? null : readPreviousDocument(text, agreements, texts);
  }
  const publishedAt = (opts.now ?? new Date()).toISOString();
  const doc: DatasetDocument = {
    schema: DOCUMENT_SCHEMA,
    dataset: { ...dataset, lastPublished: publishedAt },
    agreements,
    notes,
  };
  const changes = versionChanges(previous?.agreements ?? [], agreements);
  if (latest !== undefined && previous !== null && sameContent(previous, doc, changes))
    return { created: false, version: latest };
  const version: VersionSummary = {
    number: (latest?.number ?? 0) + 1,
    publishedAt,
    note,
    counts: computeStats(dataset, agreements),
    changes,
  };
  // The store lists records in id order with their keys in schema order, so plain JSON is already the
  // deterministic document; serializeJson's key reordering and indentation cost seconds at 100,000 records.
  await store.addVersion(dataset.id, { ...version, document: documentText(doc, texts) });
  await store.putDataset(doc.dataset, { actor: opts.by, reason: `published version ${version.number}` });
  return { created: true, version };
}

/** Records a version and bakes, holding the publish lease throughout (PublishBusyError when another runs). */
export function publishVersion(opts: PublishOptions): Promise<PublishResult> {
  return withPublishLease(opts.store, async () => {
    const { created, version } = await recordVersion(opts);
    const bake = opts.bake ? await bakeSite({ ...opts.bake, store: opts.store, leaseHeld: true }) : null;
    const dataset = opts.dataset ?? (await resolveDataset(opts.store, undefined)).id;
    return { dataset, created, version, bake };
  });
}
