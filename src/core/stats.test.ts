import { describe, expect, it } from 'vitest';
import type { CountryCode } from './ids.ts';
import {
  type CountryTally,
  categoriesOf,
  computeStats,
  statsOfGrid,
  talliesOfGrid,
  tallyByCountry,
  tallyGridOf,
} from './stats.ts';
import { addTallyGrid, categoryColumns, countRecord, createTallyGrid } from './tallyGrid.ts';
import { agreement, testDataset } from './testing/fixtures.ts';
import { plainStats, plainTallies } from './testing/plainCounts.ts';
import { randomAgreements, seededRandom } from './testing/randomAgreements.ts';

/** Tallies as comparable data: the order of countries matters, the order of an object's keys does not. */
const entries = (m: Map<CountryCode, CountryTally>) => [...m.entries()];

describe('computeStats', () => {
  const rows = [
    agreement('mlat', ['SG'], { url: 'http://a.example/1' }),
    agreement('mlat', ['SG'], { url: 'http://a.example/2' }), // a second MLAT record with the same partner counts once
    agreement('mlat', ['FR']),
    agreement('mou', ['SG']),
    agreement('mou', ['SG']),
    agreement('mou', ['JP']),
    agreement('framework', ['JP']),
    agreement('framework', ['IN']), // the focal country is never a partner
    agreement('unknown-cat', ['BR']), // not a category of the dataset: ignored
  ];

  it('counts partners for `partners` categories and records for `records` categories', () => {
    const s = computeStats(testDataset, rows);
    expect(s.counts).toEqual({ mlat: 2, mou: 3, framework: 2 });
    expect(s.records).toEqual({ mlat: 3, mou: 3, framework: 2 });
    expect(s.partnersByCategory).toEqual({ mlat: 2, mou: 2, framework: 1 });
    expect(s.partners).toBe(3);
    expect(s.agreements).toBe(8);
  });

  it('counts a multilateral instrument once per record but each partner once', () => {
    const s = computeStats(testDataset, [agreement('mou', ['BR', 'RU', 'CN', 'ZA'])]);
    expect(s.counts.mou).toBe(1);
    expect(s.partners).toBe(4);
  });

  it('tallies per country in dataset category order', () => {
    const t = tallyByCountry(testDataset, rows);
    expect(t.get('SG' as never)?.byCategory).toEqual({ mlat: 2, mou: 2 });
    expect(t.has('IN' as never)).toBe(false);
    expect(categoriesOf(t.get('JP' as never), testDataset.categories)).toEqual(['mou', 'framework']);
    expect(categoriesOf(undefined, testDataset.categories)).toEqual([]);
  });

  it('stays fast over 100,000 records', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      agreement(['mlat', 'mou', 'framework'][i % 3]!, [`A${String.fromCharCode(65 + (i % 26))}`]),
    );
    const s = computeStats(testDataset, many);
    expect(s.agreements).toBe(100_000);
  });
});

describe('counting through the grid', () => {
  const rand = seededRandom(3);
  const samples = Array.from({ length: 40 }, (_, k) => randomAgreements(Math.floor(rand() * 200), 100 + k));

  it('gives what the straightforward count gives', () => {
    for (const rows of samples) {
      expect(computeStats(testDataset, rows)).toEqual(plainStats(testDataset, rows));
      expect(entries(tallyByCountry(testDataset, rows))).toEqual(entries(plainTallies(testDataset, rows)));
    }
  });

  it('counts a subset of categories as if only their records had been counted', () => {
    const ids = testDataset.categories.map((c) => c.id as string);
    for (const rows of samples) {
      const grid = tallyGridOf(testDataset, rows);
      for (let mask = 0; mask < 1 << ids.length; mask++) {
        const shown = ids.map((_, c) => (mask & (1 << c)) !== 0);
        const subset = rows.filter((a) => shown[ids.indexOf(a.category)] === true);
        expect(statsOfGrid(testDataset, grid, shown)).toEqual(plainStats(testDataset, subset));
        expect(entries(talliesOfGrid(grid, shown))).toEqual(entries(plainTallies(testDataset, subset)));
      }
    }
  });

  it('adds the grids of parts of one list up to the grid of the whole list', () => {
    for (const rows of samples) {
      const { countries, categories } = tallyGridOf(testDataset, rows);
      const columns = categoryColumns(testDataset.categories);
      const flat: number[] = [];
      const whole = createTallyGrid(categories, countries);
      const parts = [0, 1, 2].map(() => createTallyGrid(categories, countries));
      rows.forEach((a, r) => {
        const c = columns.get(a.category);
        const from = flat.length;
        for (const p of a.partners) if (p !== testDataset.focalCountry) flat.push(countries.indexOf(p));
        if (c === undefined) return;
        countRecord(whole, c, flat, from, flat.length);
        countRecord(parts[r % 3]!, c, flat, from, flat.length);
      });
      const sum = createTallyGrid(categories, countries);
      for (const part of parts) addTallyGrid(sum, part);
      expect(sum).toEqual(whole);
    }
  });

  it('counts a category listed twice as the list says', () => {
    const twice = { ...testDataset, categories: [...testDataset.categories, testDataset.categories[1]!] };
    for (const rows of samples.slice(0, 5))
      expect(computeStats(twice, rows)).toEqual(plainStats(twice, rows));
  });
});
