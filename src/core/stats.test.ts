import { describe, expect, it } from 'vitest';
import { categoriesOf, computeStats, tallyByCountry } from './stats.ts';
import { agreement, testDataset } from './testing/fixtures.ts';

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
