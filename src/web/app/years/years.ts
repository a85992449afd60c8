import type { Category, PartialDate } from '../../../core/schemas.ts';

// The timeline's logic without pixels: which years the slider spans, how a dragged thumb is kept in range,
// what one step of "play" does, and which categories have undated agreements (the page explains those).

export type YearDomain = { min: number; max: number };
export type YearRange = { from: number; to: number };

type Dated = { date: PartialDate };

/** The signing years the data span, or null when nothing is dated (the timeline is then not shown). */
export function yearDomain(agreements: readonly Dated[]): YearDomain | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const a of agreements) {
    const y = a.date.year;
    if (y === null) continue;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  return min === Number.POSITIVE_INFINITY ? null : { min, max };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** The range the slider shows: open ends become the domain's ends; out-of-domain years are clamped. */
export function effectiveRange(from: number | null, to: number | null, domain: YearDomain): YearRange {
  let f = clamp(from ?? domain.min, domain.min, domain.max);
  let t = clamp(to ?? domain.max, domain.min, domain.max);
  if (f > t) [f, t] = [t, f];
  return { from: f, to: t };
}

/** The range as page state: an end at the domain's edge is stored open, so "all years" stays all years. */
export function rangeToState(
  range: YearRange,
  domain: YearDomain,
): { from: number | null; to: number | null } {
  return { from: range.from <= domain.min ? null : range.from, to: range.to >= domain.max ? null : range.to };
}

export function isFullRange(range: YearRange, domain: YearDomain): boolean {
  return range.from === domain.min && range.to === domain.max;
}

/**
 * Moves one end of the range; the other end is pushed along rather than crossed, so dragging "from" past
 * "to" never produces an empty or inverted range.
 */
export function moveRangeEnd(
  range: YearRange,
  end: 'from' | 'to',
  year: number,
  domain: YearDomain,
): YearRange {
  const y = clamp(Math.round(year), domain.min, domain.max);
  if (end === 'from') return { from: y, to: Math.max(y, range.to) };
  return { from: Math.min(y, range.from), to: y };
}

/**
 * Where "play" starts: from the current start with the end on it, so the years then fill in one by one.
 * A range that is already a single year at the end of the domain replays from the domain's start.
 */
export function playStart(range: YearRange, domain: YearDomain): YearRange {
  if (range.to >= domain.max && range.from >= domain.max) return { from: domain.min, to: domain.min };
  if (range.to >= domain.max) return { from: range.from, to: range.from };
  return range;
}

/** One step of "play": the end advances a year; null when the end of the domain is reached. */
export function playStep(range: YearRange, domain: YearDomain): YearRange | null {
  if (range.to >= domain.max) return null;
  return { from: range.from, to: range.to + 1 };
}

export type UndatedPart = { category: Category; all: boolean; count: number };

/** Categories that have undated agreements, and whether all of that category's agreements are undated. */
export function undatedParts(
  agreements: readonly (Dated & { category: string })[],
  categories: readonly Category[],
): UndatedPart[] {
  const total = new Map<string, number>();
  const undated = new Map<string, number>();
  for (const a of agreements) {
    total.set(a.category, (total.get(a.category) ?? 0) + 1);
    if (a.date.year === null) undated.set(a.category, (undated.get(a.category) ?? 0) + 1);
  }
  const out: UndatedPart[] = [];
  for (const c of categories) {
    const n = undated.get(c.id) ?? 0;
    if (n > 0) out.push({ category: c, all: n === total.get(c.id), count: n });
  }
  return out;
}
