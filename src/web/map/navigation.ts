// Keyboard order over the map, in geography rather than pixels: Left/Right step through the countries by
// longitude (a total order, so pressing Right from Home visits every country), Up/Down jump to the nearest
// country to the north or south, Home/End go to the westernmost/easternmost.

export type NavPoint = { key: string; anchor: readonly [number, number] };

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export const NAV_KEYS: ReadonlySet<string> = new Set<NavKey>([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
]);

/** Keys west to east; ties (same longitude) south to north, then by key, so the order is stable. */
export function geographicOrder(points: readonly NavPoint[]): string[] {
  return [...points]
    .sort((a, b) => a.anchor[0] - b.anchor[0] || a.anchor[1] - b.anchor[1] || (a.key < b.key ? -1 : 1))
    .map((p) => p.key);
}

/**
 * The key to focus after pressing `key` on `current` (null: nothing focused yet), given points in
 * geographicOrder. Returns `current` when there is nowhere to go in that direction.
 */
export function nextFocus(order: readonly NavPoint[], current: string | null, key: NavKey): string | null {
  if (order.length === 0) return null;
  const first = order[0]!.key;
  const last = order[order.length - 1]!.key;
  if (key === 'Home') return first;
  if (key === 'End') return last;
  const i = current === null ? -1 : order.findIndex((p) => p.key === current);
  if (i < 0) return key === 'ArrowLeft' ? last : first;
  if (key === 'ArrowRight') return order[Math.min(i + 1, order.length - 1)]!.key;
  if (key === 'ArrowLeft') return order[Math.max(i - 1, 0)]!.key;
  const [x0, y0] = order[i]!.anchor;
  const north = key === 'ArrowUp';
  let best: string = order[i]!.key;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const p of order) {
    const dy = p.anchor[1] - y0;
    if (north ? dy <= 0 : dy >= 0) continue;
    // Sideways distance counts double (scaled by latitude, as degrees of longitude shrink towards the poles),
    // so Up goes to what is above rather than to what is merely a little further north far away.
    const dx = (p.anchor[0] - x0) * Math.cos((((p.anchor[1] + y0) / 2) * Math.PI) / 180);
    const cost = dy * dy + 4 * dx * dx;
    if (cost < bestCost) [best, bestCost] = [p.key, cost];
  }
  return best;
}
