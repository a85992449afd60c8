// Which partner a finger meant: the shape under it, else the nearest shape within a finger's reach. Distances
// are measured to the drawn outline (the layout's path data, already in the page), not to a centre or a
// bounding box, so a tap in the sea off Belgium's coast opens Belgium, not a larger neighbour further away.

/** A shape as closed rings of absolute points (flat x, y pairs), with its bounding box. */
export type Outline = { rings: number[][]; box: [number, number, number, number] };

/** Parses the layout's path data (M x y, then l dx dy steps, z; also L and absolute pairs) into rings. */
export function outlineOf(d: string): Outline {
  const tokens = d.match(/[MmLlZz]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const rings: number[][] = [];
  let ring: number[] = [];
  let [x, y, sx, sy] = [0, 0, 0, 0];
  let cmd = 'M';
  let box: [number, number, number, number] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const close = (): void => {
    if (ring.length >= 4) rings.push(ring);
    ring = [];
    [x, y] = [sx, sy];
  };
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i]!;
    if (/[A-Za-z]/.test(tok)) {
      i++;
      if (tok === 'Z' || tok === 'z') close();
      else cmd = tok;
      continue;
    }
    const [a, b] = [Number(tok), Number(tokens[i + 1])];
    i += 2;
    if (cmd === 'M' || cmd === 'm') {
      if (ring.length > 0) close();
      [x, y] = cmd === 'M' ? [a, b] : [x + a, y + b];
      [sx, sy] = [x, y];
      cmd = cmd === 'M' ? 'L' : 'l'; // pairs after a move are lines
    } else {
      [x, y] = cmd === 'L' ? [a, b] : [x + a, y + b];
    }
    ring.push(x, y);
    box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  }
  if (ring.length > 0) close();
  return { rings, box };
}

/** Distance from (x, y) to the outline; 0 inside it (even-odd, as the map fills). */
export function distanceTo(o: Outline, x: number, y: number): number {
  let inside = false;
  let best = Number.POSITIVE_INFINITY;
  for (const r of o.rings) {
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [ax, ay, bx, by] = [r[2 * i]!, r[2 * i + 1]!, r[2 * j]!, r[2 * j + 1]!];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const [dx, dy] = [bx - ax, by - ay];
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
      best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
    }
  }
  return inside ? 0 : best;
}

/** The nearest of the outlines within `radius` of (x, y) (same units), with its distance; inside = 0. */
export function nearestOutline<K>(
  outlines: Iterable<[K, Outline]>,
  x: number,
  y: number,
  radius: number,
): { key: K; distance: number } | undefined {
  let best: { key: K; distance: number } | undefined;
  for (const [key, o] of outlines) {
    const [x0, y0, x1, y1] = o.box;
    if (x < x0 - radius || x > x1 + radius || y < y0 - radius || y > y1 + radius) continue;
    const d = distanceTo(o, x, y);
    if (d <= radius && (best === undefined || d < best.distance)) best = { key, distance: d };
  }
  return best;
}
