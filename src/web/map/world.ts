import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CountryCode } from '../../core/ids.ts';

// The map's units (one per Natural Earth unit) and the World that holds them. Decoding the TopoJSON asset into
// units is decodeWorld.ts: the page rarely needs it (it reads its map back from the HTML), so it loads apart.

export type UnitProperties = {
  iso2: string | null;
  a3: string;
  name: string;
  disputed?: boolean;
  area: 'tiny' | 'normal';
  anchor: [number, number];
};

export type WorldUnit = {
  /** Alpha-3 code: the one key that is unique for every unit (numeric ids are not, iso2 can be null). */
  a3: string;
  iso2: CountryCode | null;
  /** English name from the asset; the page passes its own names to the map state. */
  name: string;
  disputed: boolean;
  /** Too small to see or tap at world scale: drawn with a marker when it matters. */
  tiny: boolean;
  /** [longitude, latitude] of a point inside the unit's largest polygon. */
  anchor: [number, number];
  /** The shape; absent in a page that carries its map already projected (see pageGeometry.ts). */
  feature?: Feature<Polygon | MultiPolygon, UnitProperties>;
};

export type World = { units: readonly WorldUnit[]; byA3: ReadonlyMap<string, WorldUnit> };

/** A World from its units; throws when two share an alpha-3 code. */
export function makeWorld(units: readonly WorldUnit[], source = 'world geometry'): World {
  const byA3 = new Map(units.map((u) => [u.a3, u]));
  if (byA3.size !== units.length) fail(source, 'has two units with the same properties.a3');
  return { units, byA3 };
}

/** Throws an error naming the geometry file and what is wrong with it. */
export function fail(source: string, what: string): never {
  throw new Error(
    `${source}: ${what}. The map needs a TopoJSON file made by scripts/build-geometry.ts ` +
      '(node --import tsx scripts/build-geometry.ts --in YOUR.json --out FILE).',
  );
}
