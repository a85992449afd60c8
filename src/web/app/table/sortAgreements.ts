import type { CountryCode } from '../../../core/ids.ts';
import { dateSortKey } from '../../../core/partialDate.ts';
import type { PartialDate } from '../../../core/schemas.ts';
import { LOCALE } from '../../text.ts';
import type { SortOrder } from '../state/state.ts';

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

/**
 * The table order of `rows` as their positions (`rows[order[k]]` is the k-th row). Each row's keys are worked
 * out once, so the comparator reads numbers: a table of 100,000 rows sorts without a collator call or a map
 * lookup per comparison.
 */
export function sortOrder<T extends Sortable>(
  rows: readonly T[],
  order: SortOrder,
  ctx: SortContext,
): Int32Array {
  const n = rows.length;
  // A table of 100,000 rows has at most a few hundred distinct partner lists: collate those once and sort
  // by rank.
  const names: string[] = new Array(n);
  const distinct = new Set<string>();
  for (let i = 0; i < n; i++) {
    const name = rows[i]!.partners.map(ctx.nameOf).join(', ');
    names[i] = name;
    distinct.add(name);
  }
  // Names the collator calls equal ("Cote", "Côte") are ordered by code unit, so a name's rank does not
  // depend on which rows are present: sorting every agreement once and filtering the result (TableView)
  // gives the order that sorting the filtered rows gives.
  const byName = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  const rank = new Map([...distinct].sort(byName).map((name, i) => [name, i]));
  const catIndex = new Map(ctx.categories.map((c, i) => [c, i]));
  const country = new Float64Array(n);
  const category = new Float64Array(n);
  const date = new Float64Array(n);
  const undated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    country[i] = rank.get(names[i]!) ?? 0;
    category[i] = catIndex.get(r.category) ?? Number.MAX_SAFE_INTEGER;
    date[i] = dateSortKey(r.date);
    undated[i] = r.date.year === null ? 1 : 0;
  }
  const byId = (a: number, b: number): number => {
    const x = rows[a]!.id;
    const y = rows[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const sign = order.descending ? -1 : 1;
  const primary = order.key === 'country' ? country : order.key === 'category' ? category : date;
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[i] = i;
  return positions.sort((a, b) => {
    if (order.key === 'date' && undated[a] !== undated[b]) return undated[a] === 1 ? 1 : -1;
    return (
      sign * (primary[a]! - primary[b]!) || country[a]! - country[b]! || date[a]! - date[b]! || byId(a, b)
    );
  });
}

export function sortAgreements<T extends Sortable>(
  rows: readonly T[],
  order: SortOrder,
  ctx: SortContext,
): T[] {
  return Array.from(sortOrder(rows, order, ctx), (i) => rows[i]!);
}
