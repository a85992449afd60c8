import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetId } from '../core/ids.ts';
import { computeStats } from '../core/stats.ts';
import { loadShippedConfig } from '../shipped/index.ts';
import { openStore } from '../store/index.ts';
import { ensureSeeded, SeedError, type SeedSource } from './seed.ts';
import { testDatabases } from './testing.ts';

// First start fills an empty database once; later starts leave it alone; a broken seed writes nothing.

const DS = 'cis-india-cyber' as DatasetId;

describe.each(testDatabases('seed'))('ensureSeeded on $dialect', (factory) => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'atlas-seed-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('seeds an empty database once, with the headline counts and revisions by "system"', async () => {
    const db = await factory.create();
    const store = await openStore(db.url);
    try {
      expect(await ensureSeeded(store)).toEqual({ seeded: true, datasetId: DS });
      const dataset = (await store.getDataset(DS))!;
      const stats = computeStats(dataset, await store.listAgreements(DS));
      expect(stats.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
      expect(stats.partners).toBe(56);
      expect((await store.listNotes(DS)).length).toBeGreaterThan(0);
      const [rev] = await store.listDatasetRevisions(DS, 1);
      expect(rev).toMatchObject({ actor: 'system', reason: 'initial seed' });
      const count = (await store.listAgreements(DS)).length;
      expect(await ensureSeeded(store)).toEqual({ seeded: false, datasetId: DS });
      expect(await store.listAgreements(DS)).toHaveLength(count);
    } finally {
      await store.close();
      await db.cleanup();
    }
  });

  it('fills a dataset that has a configuration but never had records', async () => {
    const db = await factory.create();
    const store = await openStore(db.url);
    try {
      await store.putDataset(await loadShippedConfig(), { actor: 'cli', reason: 'first use' });
      expect(await ensureSeeded(store)).toEqual({ seeded: true, datasetId: DS });
      expect((await store.listAgreements(DS)).length).toBeGreaterThan(100);
    } finally {
      await store.close();
      await db.cleanup();
    }
  });

  it('refuses a broken seed sheet with its errors and writes nothing', async () => {
    const db = await factory.create();
    const store = await openStore(db.url);
    const sheet = join(tmp, 'broken.tsv');
    writeFileSync(sheet, 'COUNTRY\tMLAT\tMOU\tDATES\tCOMMENTS\nAtlantisland\thttps://example.org/a\t\t\t\n');
    const source: SeedSource = {
      config: loadShippedConfig,
      sheet: async () => ({ bytes: new Uint8Array(readFileSync(sheet)), fileName: sheet }),
    };
    try {
      const err = await ensureSeeded(store, source).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SeedError);
      expect((err as Error).message).toContain('broken.tsv, line 2');
      expect((err as Error).message).toContain('Atlantisland');
      expect(await store.listDatasets()).toEqual([]);
    } finally {
      await store.close();
      await db.cleanup();
    }
  });

  it('reports an unreadable configuration as a SeedError naming the file', async () => {
    const db = await factory.create();
    const store = await openStore(db.url);
    const source: SeedSource = {
      config: async () => {
        throw new Error(
          `${join(tmp, 'x.dataset.json')}: field "focalCountry": a country code is two capital letters`,
        );
      },
      sheet: async () => ({ bytes: new Uint8Array(), fileName: 'unused' }),
    };
    try {
      await expect(ensureSeeded(store, source)).rejects.toThrow(/x\.dataset\.json: field "focalCountry"/);
    } finally {
      await store.close();
      await db.cleanup();
    }
  });
});
