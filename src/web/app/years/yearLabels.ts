// Which bars of the per-year chart carry their year: every one when they fit, else every 2nd, 5th, 10th …, so
// that labels are at least MIN_GAP apart. The last year is always labelled; a regular label too close to it is
// left out.

const MIN_GAP = 30;

/** Indexes of the labelled bars among `count` bars `band` units apart. */
export function labelledYears(count: number, band: number): Set<number> {
  const every = [1, 2, 5, 10, 20, 50].find((k) => band * k >= MIN_GAP) ?? 100;
  const out = new Set<number>();
  for (let i = 0; i < count - 1; i += every) if (count - 1 - i >= every) out.add(i);
  if (count > 0) out.add(count - 1);
  return out;
}
