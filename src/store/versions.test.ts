import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetId } from '../core/ids.ts';
import { testDataset } from '../core/testing/fixtures.ts';
import { openStore } from './openStore.ts';
import { tempStore, testDialects } from './testing.ts';
import { ConflictError, type NewVersion, type Store } from './types.ts';

// Versions and the publish lease on every dialect: numbers follow each other, a taken number is refused, the
// frozen document reads back byte for byte, and two stores on one database cannot both hold the lease.

const DS = testDataset.id;

function version(number: number, document = `{"n":${number}}`): NewVersion {
  return {
    number,
    publishedAt: `2026-01-0${number}T00:00:00.000Z`,
    note: `note ${number}`,
    counts: {
      counts: { mou: number },
      partners: 1,
      records: { mou: number },
      partnersByCategory: {},
      agreements: number,
    },
    changes: {
      added: [{ id: `a${number}`, category: 'mou', partners: ['SG'], date: '2015' }],
      changed: [],
      removed: [],
    },
    document,
  };
}

for (const { dialect, skip } of testDialects()) {
  if (skip) {
    describe.skip(`versions on ${dialect} (${skip})`, () => {});
    continue;
  }
  describe(`versions on ${dialect}`, () => {
    let t: { store: Store; url: string; dispose: () => Promise<void> };
    beforeAll(async () => {
      t = await tempStore(dialect);
      await t.store.putDataset(testDataset, { actor: 'test', reason: 'setup' });
    });
    afterAll(async () => t?.dispose());

    it('records numbered versions, lists them newest first and serves each frozen document as stored', async () => {
      expect(await t.store.listVersions(DS)).toEqual([]);
      const doc = '{\n  "schema": "x", "text": "ünïcødé <b>"\n}\n';
      await t.store.addVersion(DS, version(1, doc));
      await t.store.addVersion(DS, version(2));
      const list = await t.store.listVersions(DS);
      expect(list.map((v) => v.number)).toEqual([2, 1]);
      const { document: _d, ...summary } = version(1, doc);
      expect(list[1]).toEqual(summary);
      expect(await t.store.getVersionDocument(DS, 1)).toBe(doc);
      expect(await t.store.getVersionDocument(DS, 3)).toBeNull();
      expect(await t.store.getVersionDocument('other' as DatasetId, 1)).toBeNull();
    });

    it('refuses a number that is taken or skips one', async () => {
      await expect(t.store.addVersion(DS, version(2))).rejects.toBeInstanceOf(ConflictError);
      await expect(t.store.addVersion(DS, version(5))).rejects.toBeInstanceOf(ConflictError);
      expect((await t.store.listVersions(DS)).length).toBe(2);
    });

    it('lets one holder at a time take the lease, across two stores on one database, until it expires', async () => {
      const other = await openStore(t.url);
      try {
        const race = await Promise.all([
          t.store.acquireLease('publish', 'a', 60_000),
          other.acquireLease('publish', 'b', 60_000),
        ]);
        expect(race.filter(Boolean)).toHaveLength(1);
        const [winner, loser] = race[0] ? [t.store, other] : [other, t.store];
        const [w, l] = race[0] ? ['a', 'b'] : ['b', 'a'];
        expect(await loser.acquireLease('publish', l, 60_000)).toBe(false);
        await loser.releaseLease('publish', l); // not its lease: nothing happens
        expect(await loser.acquireLease('publish', l, 60_000)).toBe(false);
        await winner.releaseLease('publish', w);
        expect(await loser.acquireLease('publish', l, 1)).toBe(true);
        await new Promise((r) => setTimeout(r, 10));
        // Expired: the other may take it over.
        expect(await winner.acquireLease('publish', w, 60_000)).toBe(true);
        await winner.releaseLease('publish', w);
      } finally {
        await other.close();
      }
    });
  });
}
