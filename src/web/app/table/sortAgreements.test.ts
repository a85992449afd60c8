import { describe, expect, it } from 'vitest';
import { syntheticAgreements } from '../../../../bench/synthetic.ts';
import type { CountryCode } from '../../../core/ids.ts';
import { seededRandom } from '../../../core/testing/randomAgreements.ts';
import type { SortOrder } from '../state/state.ts';
import { type Sortable, type SortContext, sortAgreements } from './sortAgreements.ts';

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

/** The comparator sort the table used before its keys were worked out per row: the oracle. */
function plainSort<T extends Sortable>(rows: readonly T[], order: SortOrder, c: SortContext): T[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const nameOf = new Map(rows.map((r) => [r, r.partners.map(c.nameOf).join(', ')]));
  const distinct = [...new Set(nameOf.values())].sort(
    (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const rank = new Map(distinct.map((n, i) => [n, i]));
  const catIndex = new Map(c.categories.map((id, i) => [id, i]));
  const country = (r: T): number => rank.get(nameOf.get(r)!)!;
  const date = (r: T): number =>
    r.date.year === null
      ? Number.MAX_SAFE_INTEGER
      : r.date.year * 10000 + (r.date.month ?? 0) * 100 + (r.date.day ?? 0);
  const primary = (a: T, b: T): number =>
    order.key === 'country'
      ? country(a) - country(b)
      : order.key === 'category'
        ? (catIndex.get(a.category) ?? Number.MAX_SAFE_INTEGER) -
          (catIndex.get(b.category) ?? Number.MAX_SAFE_INTEGER)
        : date(a) - date(b);
  return [...rows].sort((a, b) => {
    if (order.key === 'date' && (a.date.year === null) !== (b.date.year === null))
      return a.date.year === null ? 1 : -1;
    return (
      (order.descending ? -1 : 1) * primary(a, b) ||
      country(a) - country(b) ||
      date(a) - date(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  });
}

describe('sorting once and filtering the sorted rows', () => {
  const orders = (['country', 'category', 'date'] as const).flatMap((key) => [
    { key, descending: false },
    { key, descending: true },
  ]);

  it('gives the order of the plain comparator sort', () => {
    const all = syntheticAgreements(2000, 8).map((a, i) => ({ ...a, id: `p${i}` }));
    const synCtx = { nameOf: (c: CountryCode): string => c, categories: ['treaty', 'framework'] };
    for (const order of orders)
      expect(ids(sortAgreements(all, order, synCtx))).toBe(ids(plainSort(all, order, synCtx)));
    for (const order of orders)
      expect(ids(sortAgreements(rows, order, ctx))).toBe(ids(plainSort(rows, order, ctx)));
  });

  it('gives the order that sorting the filtered rows gives', () => {
    const rand = seededRandom(4);
    const all = syntheticAgreements(3000, 5).map((a, i) => ({ ...a, id: `s${String(i).padStart(4, '0')}` }));
    const synCtx = {
      nameOf: (c: CountryCode): string => c,
      categories: ['treaty', 'memorandum', 'framework'],
    };
    for (const order of orders) {
      const sorted = sortAgreements(all, order, synCtx);
      for (let k = 0; k < 5; k++) {
        const keep = new Set(all.filter(() => rand() < 0.3));
        expect(ids(sorted.filter((a) => keep.has(a)))).toBe(ids(sortAgreements([...keep], order, synCtx)));
      }
    }
  });

  it('ranks names the collator calls equal the same way whichever rows are present', () => {
    const accents = {
      nameOf: (c: CountryCode): string => (c === 'CI' ? 'Côte' : c === 'XC' ? 'Cote' : c),
      categories: [],
    };
    const both = [row('a', 'CI', 'mou', 2000), row('b', 'XC', 'mou', 2000), row('c', 'XC', 'mou', 2001)];
    const order = { key: 'country', descending: false } as const;
    const sorted = ids(sortAgreements(both, order, accents));
    expect(ids(sortAgreements([both[2]!, both[1]!, both[0]!], order, accents))).toBe(sorted);
    expect(ids(sortAgreements([both[0]!, both[2]!], order, accents))).toBe(sorted.replace('b', ''));
  });
});
