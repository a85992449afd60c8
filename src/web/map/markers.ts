import { type CategoryStyle, markerShapes } from './fills.ts';
import type { MapLayout } from './layout.ts';
import type { MapState, MapUnitState } from './state.ts';
import { el, keyed, type SvgNode } from './svg.ts';
import type { ZoomTransform } from './zoom.ts';

// Markers for countries too small to see or tap (Singapore, Bahrain, Mauritius …). Neighbouring tiny states
// (Bahrain and Qatar are 3 px apart at world scale) are pushed apart on screen until their dots no longer
// overlap, with a thin leader line back to where the country really is.

export type Point = { x: number; y: number };

/**
 * Moves points (screen px) apart until none is closer than `minDistance` to another, nor closer than
 * `clearance` to a fixed obstacle (the anchor of a larger partner, so no dot ever covers where a click on that
 * partner lands). Deterministic for a given input.
 */
export function dodge(
  points: readonly Point[],
  minDistance: number,
  obstacles: readonly Point[] = [],
  clearance = minDistance / 2,
  iterations = 40,
): Point[] {
  const out = points.map((p) => ({ x: p.x, y: p.y }));
  for (let it = 0; it < iterations; it++) {
    let moved = false;
    for (const [i, a] of out.entries()) {
      for (const o of obstacles) {
        let [dx, dy] = [a.x - o.x, a.y - o.y];
        let d = Math.hypot(dx, dy);
        if (d >= clearance) continue;
        if (d < 1e-6) [dx, dy, d] = [Math.cos(i), Math.sin(i), 1];
        const push = clearance - d + 0.01;
        a.x += (dx / d) * push;
        a.y += (dy / d) * push;
        moved = true;
      }
    }
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= minDistance) continue;
        if (d < 1e-6) {
          // Same spot: split along a fixed direction per pair, so the result does not depend on chance.
          const angle = ((i * 7 + j * 13) % 16) * (Math.PI / 8);
          [dx, dy, d] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (minDistance - d) / 2 + 0.01;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

export type PlacedMarker = {
  unit: MapUnitState;
  /** Where the country is, layout px. */
  anchor: Point;
  /** Where its marker is drawn (moved aside from its neighbours), layout px. */
  at: Point;
};

/**
 * Marker positions at this zoom (markers keep their size on screen, so the spacing depends on it). `radius`
 * and `gap` (the space left between two dots) are in layout units at zoom 1.
 */
export function placeMarkers(
  state: MapState,
  layout: MapLayout,
  t: ZoomTransform,
  radius: number,
  gap = 3,
): PlacedMarker[] {
  const units: MapUnitState[] = [];
  const anchors: Point[] = [];
  const partners: Point[] = [];
  const toScreen = (p: Point): Point => ({ x: t.k * p.x + t.x, y: t.k * p.y + t.y });
  state.units.forEach((u, i) => {
    const geo = layout.units[i];
    if (!geo) return;
    if (u.marker) {
      units.push(u);
      anchors.push({ x: geo.x, y: geo.y });
    } else if (u.focusable) partners.push(toScreen(geo));
  });
  const screen = dodge(anchors.map(toScreen), 2 * radius + gap, partners, radius + gap);
  const r1 = (v: number): number => Math.round(v * 10) / 10 + 0;
  return units.map((unit, i) => ({
    unit,
    anchor: anchors[i]!,
    at: { x: r1((screen[i]!.x - t.x) / t.k), y: r1((screen[i]!.y - t.y) / t.k) },
  }));
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000 + 0;

export type MarkerOptions = {
  prefix: string;
  k: number;
  radius: number;
  hitRadius: number;
  /** One screen px in layout units at zoom 1 (default 1). */
  px?: number;
  focused: string | null;
};

/** The invisible hit area (drawn under the countries, so it never hides a neighbour's land from a click). */
export function markerHit(m: PlacedMarker, o: MarkerOptions): SvgNode {
  return keyed(
    el('circle', {
      cx: m.at.x,
      cy: m.at.y,
      r: r3(o.hitRadius / o.k),
      class: `${o.prefix}-marker-hit`,
      'data-a3': m.unit.a3,
    }),
    m.unit.a3,
  );
}

/** The visible marker: a disc of the country's combination colour (a dot for the focal country), with its rings. */
export function markerDot(
  m: PlacedMarker,
  styles: ReadonlyMap<string, CategoryStyle>,
  o: MarkerOptions,
): SvgNode {
  const { unit: u, at } = m;
  const r = o.radius / o.k;
  const px = (o.px ?? 1) / o.k;
  const dot =
    u.role === 'focal'
      ? [el('circle', { cx: at.x, cy: at.y, r: r3(r), class: `${o.prefix}-focal` })]
      : markerShapes(
          u.categories.map((c) => styles.get(c)!),
          at.x,
          at.y,
          r3(r),
          o.prefix,
        );
  const parts: SvgNode[] = [];
  if (Math.hypot(at.x - m.anchor.x, at.y - m.anchor.y) * o.k > r) {
    parts.push(
      el('path', { d: `M${m.anchor.x},${m.anchor.y}L${at.x},${at.y}`, class: `${o.prefix}-marker-leader` }),
    );
  }
  parts.push(el('g', { class: `${o.prefix}-marker-dot` }, dot));
  if (u.selected || u.role === 'focal') {
    parts.push(el('circle', { cx: at.x, cy: at.y, r: r3(r + 2 * px), class: `${o.prefix}-marker-ring` }));
  }
  if (o.focused === u.a3) {
    parts.push(el('circle', { cx: at.x, cy: at.y, r: r3(r + 4 * px), class: `${o.prefix}-marker-focus` }));
  }
  return keyed(
    el(
      'g',
      {
        class: `${o.prefix}-marker ${o.prefix}-marker-${u.role}`,
        'data-marker': u.iso2 ?? u.a3,
        'data-a3': u.a3,
      },
      parts,
    ),
    u.a3,
  );
}

/** The marker whose dot is nearest to a screen point (px in the map's box), if within `radius`. */
export function nearestMarker(
  markers: readonly PlacedMarker[],
  t: ZoomTransform,
  x: number,
  y: number,
  radius: number,
): PlacedMarker | undefined {
  let best: PlacedMarker | undefined;
  let bestDistance = radius;
  for (const m of markers) {
    const d = Math.hypot(t.k * m.at.x + t.x - x, t.k * m.at.y + t.y - y);
    if (d <= bestDistance) [best, bestDistance] = [m, d];
  }
  return best;
}
