import { describe, expect, it } from 'vitest';
import { filterAgreements, foldText, makePredicate, splitFilter } from './filters.ts';
import type { CategoryId, CountryCode } from './ids.ts';
import { agreement } from './testing/fixtures.ts';
import { randomAgreements, randomFilter, randomRegionOf, seededRandom } from './testing/randomAgreements.ts';

const rows = [
  agreement('mlat', ['SG']),
  agreement('mou', ['SG'], { year: 2015, summary: 'Cyber security cooperation' }),
  agreement('mou', ['FI'], {
    year: 2014,
    flags: { nonGovernmental: true, multilateral: false, mentionsOnly: false },
  }),
  agreement('mou', ['ZA'], {
    year: 2016,
    flags: { nonGovernmental: false, multilateral: true, mentionsOnly: false },
  }),
  agreement('framework', ['CI'], { year: 2017, url: 'https://example.org/côte' }),
];
const names: Record<string, string> = {
  SG: 'Singapore',
  FI: 'Finland',
  ZA: 'South Africa',
  CI: "Côte d'Ivoire",
};
const ctx = {
  nameOf: (c: CountryCode) => names[c] ?? c,
  regionOf: (c: CountryCode) => (c === 'SG' ? 'Asia' : 'Other'),
};

describe('filterAgreements', () => {
  it('filters by category and partner', () => {
    expect(filterAgreements(rows, { categories: ['mou' as CategoryId] })).toHaveLength(3);
    expect(filterAgreements(rows, { partners: ['SG' as CountryCode] })).toHaveLength(2);
  });
  it('filters by year range and keeps undated unless told not to', () => {
    expect(filterAgreements(rows, { from: 2015, to: 2016 })).toHaveLength(3); // SG mlat undated + 2015 + 2016
    expect(filterAgreements(rows, { from: 2015, to: 2016, undated: false })).toHaveLength(2);
  });
  it('includes, excludes or keeps only flagged agreements', () => {
    expect(filterAgreements(rows, { nonGovernmental: 'exclude' })).toHaveLength(4);
    expect(filterAgreements(rows, { nonGovernmental: 'only' })).toHaveLength(1);
    expect(filterAgreements(rows, { multilateral: 'exclude', nonGovernmental: 'exclude' })).toHaveLength(3);
  });
  it('searches text and partner names without regard to case or accents', () => {
    expect(filterAgreements(rows, { text: 'CYBER' }, ctx)).toHaveLength(1);
    expect(filterAgreements(rows, { text: 'cote' }, ctx)).toHaveLength(1);
    expect(filterAgreements(rows, { text: 'singapore' }, ctx)).toHaveLength(2);
    expect(foldText('Côte')).toBe('cote');
  });
  it('filters by region through the context', () => {
    expect(filterAgreements(rows, { regions: ['Asia'] }, ctx)).toHaveLength(2);
    expect(filterAgreements(rows, { regions: ['Asia'] })).toHaveLength(0);
  });
});

describe('splitFilter', () => {
  const many = randomAgreements(400, 11);
  const ctx = { nameOf: (c: CountryCode) => c.toLowerCase(), regionOf: randomRegionOf };

  it('gives parts whose conjunction is the filter', () => {
    const rand = seededRandom(5);
    for (let k = 0; k < 300; k++) {
      const filter = randomFilter(rand);
      const whole = makePredicate(filter, ctx);
      const { years, rest } = splitFilter(filter);
      const parts = [...(years ? [years] : []), ...rest].map((p) => makePredicate(p, ctx));
      expect(many.map((a) => parts.every((p) => p(a)))).toEqual(many.map(whole));
    }
  });

  it('keeps the year range and the undated rule together, and leaves out what is not set', () => {
    expect(splitFilter({ from: 2001, undated: false, multilateral: 'only' })).toEqual({
      years: { from: 2001, undated: false },
      rest: [{ multilateral: 'only' }],
    });
    expect(splitFilter({})).toEqual({ years: null, rest: [] });
  });

  it('makes a year part that depends on the signing year alone', () => {
    const rand = seededRandom(9);
    for (let k = 0; k < 100; k++) {
      const { years } = splitFilter(randomFilter(rand));
      if (years === null) continue;
      const passes = makePredicate(years, ctx);
      const byYear = new Map<number | null, boolean>();
      const differs = many.filter((a) => {
        const seen = byYear.get(a.date.year);
        if (seen === undefined) byYear.set(a.date.year, passes(a));
        return seen !== undefined && seen !== passes(a);
      });
      expect(differs).toEqual([]);
    }
  });
});
