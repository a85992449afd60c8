import type { CountryCode } from '../../core/ids.ts';
import { checkLayout, type MapLayout, makeLayout } from './layout.ts';
import { makeWorld, type World, type WorldUnit } from './world.ts';

// The map a page carries. The server draws the map into the HTML (so it is painted before any script runs)
// and adds what the paths do not say: each unit's codes, name, kind and anchor, as a small JSON document.
// The page reads both back instead of downloading and projecting the geometry asset: the paths in the
// page ARE the geometry. Pure: the page does the DOM reading and passes the paths in.

export const PAGE_GEOMETRY_VERSION = 1;

/** [a3, iso2, name, flags (1 disputed, 2 tiny), lon, lat, x, y] */
type UnitRow = [string, string | null, string, number, number, number, number, number];

export type PageGeometryMeta = { v: number; sphere: string; units: UnitRow[] };

export type MapGeometry = { world: World; layout: MapLayout };

/** What the server writes next to the map it drew. */
export function pageGeometryMeta({ world, layout }: MapGeometry): PageGeometryMeta {
  checkLayout(world, layout);
  return {
    v: PAGE_GEOMETRY_VERSION,
    sphere: layout.sphere,
    units: world.units.map((u, i) => {
      const geo = layout.units[i]!;
      const flags = (u.disputed ? 1 : 0) | (u.tiny ? 2 : 0);
      return [u.a3, u.iso2, u.name, flags, u.anchor[0], u.anchor[1], geo.x, geo.y];
    }),
  };
}

/**
 * The geometry back from the page: the meta document and the path data of each unit by alpha-3. Null when
 * either is not what the server writes (a page from another version, a unit's path missing): the caller
 * then falls back to the geometry asset.
 */
export function readPageGeometry(meta: unknown, paths: ReadonlyMap<string, string>): MapGeometry | null {
  const m = meta as Partial<PageGeometryMeta> | null;
  if (m?.v !== PAGE_GEOMETRY_VERSION || typeof m.sphere !== 'string' || !Array.isArray(m.units)) return null;
  const units: WorldUnit[] = [];
  const layoutUnits = [];
  for (const row of m.units) {
    if (!Array.isArray(row) || row.length !== 8) return null;
    const [a3, iso2, name, flags, lon, lat, x, y] = row as UnitRow;
    const d = paths.get(a3);
    if (d === undefined) return null;
    units.push({
      a3,
      iso2: iso2 as CountryCode | null,
      name,
      disputed: (flags & 1) !== 0,
      tiny: (flags & 2) !== 0,
      anchor: [lon, lat],
    });
    layoutUnits.push({ a3, d, x, y });
  }
  try {
    return { world: makeWorld(units, 'the map in the page'), layout: makeLayout(m.sphere, layoutUnits) };
  } catch {
    return null;
  }
}
