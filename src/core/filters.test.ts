import { describe, expect, it } from 'vitest';
import { filterAgreements, foldText } from './filters.ts';
import type { CategoryId, CountryCode } from './ids.ts';
import { agreement } from './testing/fixtures.ts';

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
