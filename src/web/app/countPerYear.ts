import type { Category, PartialDate } from '../../core/schemas.ts';

// The per-year chart's numbers: dated agreements per signing year and category, every year of the span
// present (a year with none is a gap the reader should see, not a year that silently disappears).

export type YearCounts = { year: number; byCategory: Record<string, number>; total: number };
export type PerYear = { years: YearCounts[]; undated: number; max: number };

export function countPerYear(
  agreements: readonly { category: string; date: PartialDate }[],
  categories: readonly Category[],
  span: { from: number; to: number } | null,
): PerYear {
  const known = new Set(categories.map((c) => c.id as string));
  const byYear = new Map<number, YearCounts>();
  let undated = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const a of agreements) {
    if (!known.has(a.category)) continue;
    const y = a.date.year;
    if (y === null) {
      undated += 1;
      continue;
    }
    let row = byYear.get(y);
    if (row === undefined) {
      row = { year: y, byCategory: {}, total: 0 };
      byYear.set(y, row);
    }
    row.byCategory[a.category] = (row.byCategory[a.category] ?? 0) + 1;
    row.total += 1;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
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
