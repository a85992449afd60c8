import { describe, expect, it } from 'vitest';
import { testDataset } from '../../../core/testing/fixtures.ts';
import { countPerYear } from './countPerYear.ts';

const a = (category: string, year: number | null) => ({
  category,
  date: { text: '', year, month: null, day: null },
});

describe('per-year counts', () => {
  const rows = [
    a('mou', 2014),
    a('mou', 2016),
    a('framework', 2016),
    a('mlat', null),
    a('unknown-cat', 2015),
  ];

  it('counts each year by category, keeps empty years and counts undated apart', () => {
    const r = countPerYear(rows, testDataset.categories, null);
    expect(r.years.map((y) => [y.year, y.total])).toEqual([
      [2014, 1],
      [2015, 0],
      [2016, 2],
    ]);
    expect(r.years[2]?.byCategory).toEqual({ mou: 1, framework: 1 });
    expect(r.undated).toBe(1);
    expect(r.max).toBe(2);
  });

  it('spans the given range even where there is no data', () => {
    const r = countPerYear(rows, testDataset.categories, { from: 2013, to: 2017 });
    expect(r.years.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017]);
  });

  it('gives no years when nothing is dated', () => {
    expect(countPerYear([a('mlat', null)], testDataset.categories, null)).toEqual({
      years: [],
      undated: 1,
      max: 0,
    });
  });
});
