import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryCode } from '../../core/ids.ts';

// The geometry asset (world.generated.json, or an operator's own file built by scripts/build-geometry.ts) decoded
// once into features. Geometry never changes with filters, so everything here is computed once per asset.

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

const decoded = new WeakMap<object, World>();

function fail(source: string, what: string): never {
  throw new Error(
    `${source}: ${what}. The map needs a TopoJSON file made by scripts/build-geometry.ts ` +
      '(node --import tsx scripts/build-geometry.ts --in YOUR.json --out FILE).',
  );
}

function checkProperties(source: string, i: number, p: unknown): UnitProperties {
  const where = `geometry ${i + 1}`;
  if (typeof p !== 'object' || p === null) fail(source, `${where} has no properties`);
  const o = p as Record<string, unknown>;
  if (typeof o.a3 !== 'string') fail(source, `${where} has no properties.a3`);
  if (o.iso2 !== null && (typeof o.iso2 !== 'string' || !/^[A-Z]{2}$/.test(o.iso2))) {
    fail(source, `${where} (${o.a3}) has properties.iso2 ${JSON.stringify(o.iso2)}; expected "XX" or null`);
  }
  if (typeof o.name !== 'string') fail(source, `${where} (${o.a3}) has no properties.name`);
  const a = o.anchor;
  if (!Array.isArray(a) || a.length !== 2 || !a.every((v) => typeof v === 'number')) {
    fail(source, `${where} (${o.a3}) has no properties.anchor [lon, lat]`);
  }
  return o as UnitProperties;
}

/** Decodes the geometry asset; throws an error naming the file and the bad geometry for anything else. */
export function decodeWorld(json: unknown, source = 'world geometry'): World {
  if (typeof json === 'object' && json !== null) {
    const cached = decoded.get(json);
    if (cached) return cached;
  }
  const topology = json as Topology;
  if (topology?.type !== 'Topology') fail(source, 'is not a TopoJSON Topology');
  const countries = topology.objects?.countries as GeometryCollection | undefined;
  if (countries?.type !== 'GeometryCollection') fail(source, 'has no "countries" GeometryCollection');
  countries.geometries.forEach((g, i) => {
    checkProperties(source, i, g.properties);
  });
  const features = feature(topology, countries).features as Feature<Polygon | MultiPolygon, UnitProperties>[];
  const units = features.map(
    (f): WorldUnit => ({
      a3: f.properties.a3,
      iso2: f.properties.iso2 as CountryCode | null,
      name: f.properties.name,
      disputed: f.properties.disputed === true,
      tiny: f.properties.area === 'tiny',
      anchor: f.properties.anchor,
      feature: f,
    }),
  );
  const world = makeWorld(units, source);
  decoded.set(json as object, world);
  return world;
}
