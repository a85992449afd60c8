import { type GeoPath, type GeoProjection, geoEqualEarth, geoPath } from 'd3-geo';
import type { World } from './world.ts';

// Pixels live here and only here: the projection, the path strings and projected anchors for one size.
// Geometry does not change with filters, so a layout is computed once per (asset, size) and reused.

export type UnitLayout = {
  a3: string;
  /** SVG path data, coordinates rounded to one decimal. */
  d: string;
  /** Projected anchor (a point inside the unit), rounded to one decimal. */
  x: number;
  y: number;
};

export type MapLayout = {
  width: number;
  height: number;
  /** Outline of the whole globe (the sea). */
  sphere: string;
  /** In the order of world.units. */
  units: readonly UnitLayout[];
  byA3: ReadonlyMap<string, UnitLayout>;
};

const PADDING = 2;

/** Equal Earth (an equal-area projection, so no country looks bigger than it is) fitted to the box. */
export function mapProjection(width: number, height: number): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [PADDING, PADDING],
      [Math.max(PADDING + 1, width - PADDING), Math.max(PADDING + 1, height - PADDING)],
    ],
    { type: 'Sphere' },
  );
}

export function mapPath(projection: GeoProjection): GeoPath {
  return geoPath(projection).digits(1);
}

const round1 = (v: number): number => Math.round(v * 10) / 10 + 0;

export function projectPoint(projection: GeoProjection, lonLat: readonly [number, number]): [number, number] {
  const p = projection([lonLat[0], lonLat[1]]) ?? [Number.NaN, Number.NaN];
  return [round1(p[0]), round1(p[1])];
}

const cache = new WeakMap<World, Map<string, MapLayout>>();

/** Path data for every unit at this size; memoised, so a filter step never recomputes geometry. */
export function layoutMap(world: World, width: number, height: number): MapLayout {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  let bySize = cache.get(world);
  if (!bySize) {
    bySize = new Map();
    cache.set(world, bySize);
  }
  const hit = bySize.get(`${w}x${h}`);
  if (hit) return hit;
  const projection = mapProjection(w, h);
  const path = mapPath(projection);
  const units = world.units.map((u): UnitLayout => {
    const [x, y] = projectPoint(projection, u.anchor);
    return { a3: u.a3, d: path(u.feature) ?? '', x, y };
  });
  const layout: MapLayout = {
    width: w,
    height: h,
    sphere: path({ type: 'Sphere' }) ?? '',
    units,
    byA3: new Map(units.map((u) => [u.a3, u])),
  };
  // A few sizes at most (window resizes); keep the cache from growing without bound.
  if (bySize.size > 8) bySize.clear();
  bySize.set(`${w}x${h}`, layout);
  return layout;
}

/** Height for a container width: 2:1, the shape of the whole Equal Earth world, so no band is left empty. */
export function mapHeightFor(width: number): number {
  return Math.round(width * 0.5);
}

/**
 * Pattern tiles shrink on small maps, so textures stay finer than the countries they fill (a phone-wide map
 * is a third of a desktop one).
 */
export function patternScaleFor(width: number): number {
  return Math.min(1, Math.max(0.6, width / 1000));
}
