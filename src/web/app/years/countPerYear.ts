import type { Category, PartialDate } from '../../../core/schemas.ts';
import { categoryColumns } from '../../../core/tallyGrid.ts';

// The per-year chart's numbers: dated agreements per signing year and category, every year of the span
// present (a year with none is a gap the reader should see, not a year that silently disappears).
// They are read from a year grid, which the page fills in its one pass per filter step (baseCounts.ts) and
// countPerYear fills from a list, so both give the same numbers by the same rules.

export type YearCounts = { year: number; byCategory: Record<string, number>; total: number };
export type PerYear = { years: YearCounts[]; undated: number; max: number };

/** Records per (year, category column): `counts[slot * categories.length + c]`, `years[slot]` (null undated). */
export type YearGrid = { years: readonly (number | null)[]; counts: Int32Array };

/**
 * The chart's numbers for the grid's category columns that are shown (`shown[c]`; null shows all), over
 * `span` (else the years that have records).
 */
export function perYearOf(
  grid: YearGrid,
  categories: readonly Category[],
  shown: ArrayLike<boolean> | null,
  span: { from: number; to: number } | null,
): PerYear {
  const width = categories.length;
  const byYear = new Map<number, YearCounts>();
  let undated = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  grid.years.forEach((y, slot) => {
    let row: YearCounts | null = null;
    for (let c = 0; c < width; c++) {
      const n = grid.counts[slot * width + c]!;
      if (n === 0 || (shown !== null && shown[c] !== true)) continue;
      if (y === null) {
        undated += n;
        continue;
      }
      row ??= { year: y, byCategory: {}, total: 0 };
      row.byCategory[categories[c]!.id] = n;
      row.total += n;
    }
    if (row === null || y === null) return;
    byYear.set(y, row);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  });
  const from = span?.from ?? lo;
  const to = span?.to ?? hi;
  const years: YearCounts[] = [];
  let max = 0;
  if (Number.isFinite(from) && Number.isFinite(to)) {
    for (let y = from; y <= to; y++) {
      const row = byYear.get(y) ?? { year: y, byCategory: {}, total: 0 };
      max = Math.max(max, row.total);
      years.push(row);
    }
  }
  return { years, undated, max };
}

export function countPerYear(
  agreements: readonly { category: string; date: PartialDate }[],
  categories: readonly Category[],
  span: { from: number; to: number } | null,
): PerYear {
  const columns = categoryColumns(categories);
  const slotOf = new Map<number | null, number>();
  const years: (number | null)[] = [];
  const cells: number[] = [];
  for (const a of agreements) {
    const c = columns.get(a.category);
    if (c === undefined) continue;
    let slot = slotOf.get(a.date.year);
    if (slot === undefined) {
      slot = years.push(a.date.year) - 1;
      slotOf.set(a.date.year, slot);
      for (let k = 0; k < categories.length; k++) cells.push(0);
    }
    cells[slot * categories.length + c]! += 1;
  }
  return perYearOf({ years, counts: Int32Array.from(cells) }, categories, null, span);
}
