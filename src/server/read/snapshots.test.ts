import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementId, DatasetId } from '../../core/ids.ts';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/types.ts';
import { ensureSeeded } from '../seed.ts';
import { type TestDatabase, testDatabases } from '../testing.ts';
import { renderers } from './renderers.ts';
import { DatasetSnapshots } from './snapshots.ts';

// The snapshot cache is what makes the read API cheap; these pin down when it asks the store and when not.

const DS = 'cis-india-cyber' as DatasetId;
const EDITOR = { actor: 'test', reason: 'snapshot test' };

describe.each(testDatabases('snap'))('dataset snapshots on $dialect', (factory) => {
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await factory.create();
    store = await openStore(db.url);
    await ensureSeeded(store);
  });
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
  });

  async function editFirst(suffix: string): Promise<AgreementId> {
    const a = (await store.listAgreements(DS))[0]!;
    await store.updateAgreement(a.id, a.version, { summary: `${a.summary}${suffix}` }, EDITOR);
    return a.id;
  }

  it('serves the same snapshot within the freshness window, and builds renditions once', async () => {
    const snaps = new DatasetSnapshots(store, renderers, 60_000);
    const first = await snaps.get(DS);
    expect(first?.stats.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    const id = await editFirst(' [a]');
    const second = await snaps.get(DS);
    expect(second).toBe(first);
    expect(second?.agreements.find((a) => a.id === id)?.summary.endsWith(' [a]')).toBe(false);
    expect(first!.rendition('json')).toBe(first!.rendition('json'));
    snaps.invalidate(DS);
    const third = await snaps.get(DS);
    expect(third).not.toBe(first);
    expect(third?.agreements.find((a) => a.id === id)?.summary.endsWith(' [a]')).toBe(true);
  });

  it('after the window, keeps the snapshot if nothing changed and reloads if something did', async () => {
    const snaps = new DatasetSnapshots(store, renderers, 0);
    const first = await snaps.get(DS);
    expect(await snaps.get(DS)).toBe(first);
    await editFirst(' [b]');
    const reloaded = await snaps.get(DS);
    expect(reloaded).not.toBe(first);
    expect(reloaded!.rendition('json').etag).not.toBe(first!.rendition('json').etag);
  });

  it('notices a change to the configuration alone', async () => {
    const snaps = new DatasetSnapshots(store, renderers, 0);
    const first = await snaps.get(DS);
    await store.putDataset({ ...first!.dataset, title: 'Renamed' }, EDITOR);
    const second = await snaps.get(DS);
    expect(second?.dataset.title).toBe('Renamed');
    await store.putDataset(first!.dataset, EDITOR);
  });

  it('caches the list of datasets for the window, and forgets it on invalidate', async () => {
    const snaps = new DatasetSnapshots(store, renderers, 60_000);
    expect(await snaps.ids()).toEqual([DS]);
    const config = (await store.getDataset(DS))!;
    await store.putDataset({ ...config, id: 'zz-second' as DatasetId }, EDITOR);
    expect(await snaps.ids()).toEqual([DS]);
    snaps.invalidate();
    expect(await snaps.ids()).toEqual([DS, 'zz-second']);
    expect(await new DatasetSnapshots(store, renderers, 0).get('zz-second' as DatasetId)).not.toBeNull();
  });

  it('shares one check among concurrent requests and answers null for an unknown dataset', async () => {
    const snaps = new DatasetSnapshots(store, renderers, 0);
    const [a, b, c] = await Promise.all([snaps.get(DS), snaps.get(DS), snaps.get(DS)]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(await snaps.get('nope' as DatasetId)).toBeNull();
  });
});
