import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, readBytes, SEED_TXT, tempDir } from '../../../test/fixtures/index.ts';
import { computeStats } from '../../core/stats.ts';
import { CENTROIDS } from '../centroids.generated.ts';
import { parseFile } from '../parseFile.ts';
import { serializeGeoJson } from './serializeGeoJson.ts';

const dataset = loadDataset();
const seed = await parseFile(readBytes(SEED_TXT), 'seed.txt', dataset);
const OGRINFO = '/usr/bin/ogrinfo';

type FC = {
  type: string;
  features: Array<{
    type: string;
    id: string;
    geometry: { type: string; coordinates: [number, number] } | null;
    properties: Record<string, unknown>;
  }>;
};

describe('GeoJSON export', () => {
  const text = serializeGeoJson(dataset, seed.agreements, seed.notes);
  const fc = JSON.parse(text) as FC;

  it('is a FeatureCollection with one Point per partner country (56), sorted by code, focal country excluded', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(computeStats(dataset, seed.agreements).partners);
    expect(fc.features).toHaveLength(56);
    const ids = fc.features.map((f) => f.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).not.toContain('IN');
    for (const f of fc.features) {
      expect(f.geometry?.type).toBe('Point');
      const [lon, lat] = f.geometry!.coordinates;
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.round(lon * 1000) / 1000).toBe(lon);
    }
  });

  it('properties carry iso2, name, counts by category and the agreements with sources', () => {
    const us = fc.features.find((f) => f.id === 'US')!;
    expect(us.properties).toMatchObject({
      iso2: 'US',
      count_mlat: 1,
      count_mou: 3,
      count_framework: 1,
      count_total: 5,
    });
    expect(typeof us.properties.name).toBe('string');
    const agreements = us.properties.agreements as Array<{
      category: string;
      date: string;
      sources: Array<{ url: string }>;
    }>;
    expect(agreements.find((a) => a.category === 'mou')?.date).toBe('2011-07');
    expect(agreements[0]?.sources[0]?.url).toMatch(/^https?:\/\//);
    const bh = fc.features.find((f) => f.id === 'BH')!;
    expect((bh.properties.notes as unknown[]).length).toBe(1);
  });

  it('puts France in France (the largest polygon, not the overseas bounding box)', () => {
    const [lon, lat] = CENTROIDS.FR!;
    expect(lon).toBeGreaterThan(-5);
    expect(lon).toBeLessThan(8);
    expect(lat).toBeGreaterThan(42);
    expect(lat).toBeLessThan(51);
  });

  it.skipIf(!existsSync(OGRINFO))('GDAL ogrinfo opens it and counts 56 features', () => {
    const path = join(tempDir(), 'agreements.geojson');
    writeFileSync(path, text);
    const out = execFileSync(OGRINFO, ['-ro', '-al', '-so', path], { encoding: 'utf8' });
    expect(out).toMatch(/Geometry: Point/);
    expect(out).toMatch(/Feature Count: 56\b/);
    expect(out).toMatch(/iso2: String/);
  });
});
