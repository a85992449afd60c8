import type { CountryCode } from '../../core/ids.ts';
import { dateSortKey } from '../../core/partialDate.ts';
import type { PartialDate } from '../../core/schemas.ts';
import { LOCALE } from '../text.ts';
import type { SortOrder } from './state.ts';

// Table order. Ties fall back to country, then date, then id, so the order is total and the same on every
// render (a virtualised table must not reshuffle rows while scrolling). Undated agreements sort last in both
// directions: "newest first" should not open with a block of unknown dates.

export type Sortable = { id: string; category: string; partners: readonly CountryCode[]; date: PartialDate };

export type SortContext = {
  nameOf: (code: CountryCode) => string;
  /** Category ids in the dataset's order. */
  categories: readonly string[];
};

const collator = new Intl.Collator(LOCALE, { sensitivity: 'base', numeric: true });

export function sortAgreements<T extends Sortable>(
  rows: readonly T[],
  order: SortOrder,
  ctx: SortContext,
): T[] {
  // A table of 100,000 rows has at most a few hundred distinct partner lists: collate those once and sort
  // by rank, instead of calling the collator a couple of million times.
  const nameOf = new Map<T, string>();
  const distinct = new Set<string>();
  for (const r of rows) {
    const n = r.partners.map(ctx.nameOf).join(', ');
    nameOf.set(r, n);
    distinct.add(n);
  }
  const rank = new Map([...distinct].sort(collator.compare).map((n, i) => [n, i]));
  const countryRank = (r: T): number => rank.get(nameOf.get(r) ?? '') ?? 0;
  const catIndex = new Map(ctx.categories.map((c, i) => [c, i]));
  const byCountry = (a: T, b: T): number => countryRank(a) - countryRank(b);
  const byCategory = (a: T, b: T): number =>
    (catIndex.get(a.category) ?? Number.MAX_SAFE_INTEGER) -
    (catIndex.get(b.category) ?? Number.MAX_SAFE_INTEGER);
  const byDate = (a: T, b: T): number => dateSortKey(a.date) - dateSortKey(b.date);
  const byId = (a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sign = order.descending ? -1 : 1;

  const primary = order.key === 'country' ? byCountry : order.key === 'category' ? byCategory : byDate;
  return [...rows].sort((a, b) => {
    if (order.key === 'date') {
      const ua = a.date.year === null;
      const ub = b.date.year === null;
      if (ua !== ub) return ua ? 1 : -1;
    }
    return sign * primary(a, b) || byCountry(a, b) || byDate(a, b) || byId(a, b);
  });
}
