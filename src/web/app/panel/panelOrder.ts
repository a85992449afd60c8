import { dateSortKey } from '../../../core/partialDate.ts';
import type { PartialDate } from '../../../core/schemas.ts';

// The panel lists a country's agreements oldest first within each category, undated ones last (core's sort
// key puts them there; among themselves they keep the document's order), so a reader follows the
// relationship as it grew.

export function inDateOrder<T extends { date: PartialDate }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i, key: dateSortKey(item.date) }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}
