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
  const names = new Map<T, string>();
  const nameOf = (r: T): string => {
    let n = names.get(r);
    if (n === undefined) {
      n = r.partners.map(ctx.nameOf).join(', ');
      names.set(r, n);
    }
    return n;
  };
  const catIndex = new Map(ctx.categories.map((c, i) => [c, i]));
  const byCountry = (a: T, b: T): number => collator.compare(nameOf(a), nameOf(b));
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
