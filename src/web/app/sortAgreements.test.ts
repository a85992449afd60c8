import { describe, expect, it } from 'vitest';
import type { CountryCode } from '../../core/ids.ts';
import { sortAgreements } from './sortAgreements.ts';

const names: Record<string, string> = {
  FR: 'France',
  DE: 'Germany',
  AE: 'United Arab Emirates',
  CI: "Côte d'Ivoire",
};
const ctx = { nameOf: (c: CountryCode): string => names[c] ?? c, categories: ['mlat', 'mou', 'framework'] };

function row(
  id: string,
  partner: string,
  category: string,
  year: number | null,
  month: number | null = null,
) {
  return {
    id,
    category,
    partners: [partner as CountryCode],
    date: { text: '', year, month, day: null },
  };
}

const rows = [
  row('a', 'FR', 'mou', 2016, 1),
  row('b', 'DE', 'mlat', null),
  row('c', 'AE', 'framework', 2015),
  row('d', 'FR', 'mlat', null),
  row('e', 'CI', 'mou', 2016, 3),
  row('f', 'FR', 'mou', 2000, 9),
];
const ids = (rs: readonly { id: string }[]): string => rs.map((r) => r.id).join('');

describe('table sorting', () => {
  it('sorts by country name with accents folded, then by date', () => {
    expect(ids(sortAgreements(rows, { key: 'country', descending: false }, ctx))).toBe('efadbc');
  });

  it('reverses by country but keeps ties in date order', () => {
    expect(ids(sortAgreements(rows, { key: 'country', descending: true }, ctx))).toBe('cbfade');
  });

  it('sorts by category in dataset order', () => {
    expect(ids(sortAgreements(rows, { key: 'category', descending: false }, ctx))).toBe('dbefac');
  });

  it('sorts by date with undated last in both directions', () => {
    expect(ids(sortAgreements(rows, { key: 'date', descending: false }, ctx))).toBe('fcaedb');
    expect(ids(sortAgreements(rows, { key: 'date', descending: true }, ctx))).toBe('eacfdb');
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortAgreements(rows, { key: 'date', descending: true }, ctx);
    expect(rows).toEqual(copy);
  });
});
