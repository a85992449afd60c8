import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryCode } from '../../core/ids.ts';
import { fail, makeWorld, type UnitProperties, type World, type WorldUnit } from './world.ts';

// The geometry asset (world.generated.json, or an operator's own file built by scripts/build-geometry.ts) decoded
// once into features. Geometry never changes with filters, so this runs once per asset. Loaded on demand in the
// browser (a page from our server or bake never needs it).

const decoded = new WeakMap<object, World>();

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
