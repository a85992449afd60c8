import { gzipSync } from 'node:zlib';
import type { DatasetId } from '../../core/ids.ts';
import {
  type Agreement,
  type CountryNote,
  type Dataset,
  type DatasetDocument,
  DOCUMENT_SCHEMA,
} from '../../core/schemas.ts';
import { computeStats, type Stats } from '../../core/stats.ts';
import type { Store } from '../../store/types.ts';
import { type Rendition, weakEtag } from '../http/httpCache.ts';

// Public reads are served from an in-memory snapshot of each dataset, keyed by the store's last change.
// Within `freshnessMs` of the last check no query runs at all; after it, one cheap check (last change and
// configuration) decides whether to reload. Other instances' writes therefore show within `freshnessMs`;
// this instance's own writes call `invalidate` and show at once.

export type RenditionKind = 'json' | 'csv' | 'geojson';

export type Renderer = (doc: DatasetDocument) => { body: string | Uint8Array; contentType: string };

export type Snapshot = {
  readonly dataset: Dataset;
  readonly agreements: readonly Agreement[];
  readonly notes: readonly CountryNote[];
  readonly lastChange: string | null;
  readonly stats: Stats;
  readonly document: DatasetDocument;
  /** The serialized document or an export, built on first use and kept for the snapshot's life. */
  rendition(kind: RenditionKind): Rendition;
};

type Entry = { snapshot: Snapshot; datasetJson: string; checkedAt: number };

function toBytes(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  const copy = new Uint8Array(body.byteLength);
  copy.set(body);
  return copy;
}

function makeSnapshot(
  dataset: Dataset,
  agreements: Agreement[],
  notes: CountryNote[],
  lastChange: string | null,
  renderers: Record<RenditionKind, Renderer>,
): Snapshot {
  const document: DatasetDocument = { schema: DOCUMENT_SCHEMA, dataset, agreements, notes };
  const built = new Map<RenditionKind, Rendition>();
  return {
    dataset,
    agreements,
    notes,
    lastChange,
    stats: computeStats(dataset, agreements),
    document,
    rendition(kind: RenditionKind): Rendition {
      let r = built.get(kind);
      if (r === undefined) {
        const out = renderers[kind](document);
        const body = toBytes(out.body);
        r = { body, gzip: toBytes(gzipSync(body)), etag: weakEtag(body), contentType: out.contentType };
        built.set(kind, r);
      }
      return r;
    },
  };
}

export class DatasetSnapshots {
  readonly #store: Store;
  readonly #renderers: Record<RenditionKind, Renderer>;
  readonly #freshnessMs: number;
  readonly #entries = new Map<string, Entry>();
  readonly #pending = new Map<string, Promise<Snapshot | null>>();
  #ids: { value: Promise<DatasetId[]>; checkedAt: number } | undefined;
  #generation = 0;

  constructor(store: Store, renderers: Record<RenditionKind, Renderer>, freshnessMs = 1000) {
    this.#store = store;
    this.#renderers = renderers;
    this.#freshnessMs = freshnessMs;
  }

  /** The dataset's current snapshot, or null when the dataset does not exist. */
  get(id: DatasetId): Promise<Snapshot | null> {
    const entry = this.#entries.get(id);
    if (entry !== undefined && Date.now() - entry.checkedAt < this.#freshnessMs) {
      return Promise.resolve(entry.snapshot);
    }
    // Concurrent requests after expiry share one check instead of each querying the store.
    let pending = this.#pending.get(id);
    if (pending === undefined) {
      pending = this.#revalidate(id, entry).finally(() => this.#pending.delete(id));
      this.#pending.set(id, pending);
    }
    return pending;
  }

  /** The ids of all datasets in the store's order, under the same freshness rule as snapshots. */
  ids(): Promise<DatasetId[]> {
    const now = Date.now();
    if (this.#ids === undefined || now - this.#ids.checkedAt >= this.#freshnessMs) {
      const value = this.#store.listDatasets().then((list) => list.map((d) => d.id));
      // A failed lookup is not remembered: the next request asks again.
      value.catch(() => {
        if (this.#ids?.value === value) this.#ids = undefined;
      });
      this.#ids = { value, checkedAt: now };
    }
    return this.#ids.value;
  }

  /** Forgets cached snapshots (one dataset or all) after a write through this process. */
  invalidate(id?: DatasetId): void {
    this.#generation++;
    this.#ids = undefined;
    if (id === undefined) this.#entries.clear();
    else this.#entries.delete(id);
  }

  async #revalidate(id: DatasetId, entry: Entry | undefined): Promise<Snapshot | null> {
    const generation = this.#generation;
    const checkedAt = Date.now();
    const [dataset, lastChange] = await Promise.all([this.#store.getDataset(id), this.#store.lastChange(id)]);
    if (dataset === null) {
      this.#entries.delete(id);
      return null;
    }
    const datasetJson = JSON.stringify(dataset);
    let snapshot: Snapshot;
    if (
      entry !== undefined &&
      entry.snapshot.lastChange === lastChange &&
      entry.datasetJson === datasetJson
    ) {
      snapshot = entry.snapshot;
    } else {
      const [agreements, notes] = await Promise.all([
        this.#store.listAgreements(id),
        this.#store.listNotes(id),
      ]);
      snapshot = makeSnapshot(dataset, agreements, notes, lastChange, this.#renderers);
    }
    // A write invalidated while this check ran: answer it, but do not keep it as fresh.
    if (generation === this.#generation) this.#entries.set(id, { snapshot, datasetJson, checkedAt });
    return snapshot;
  }
}
