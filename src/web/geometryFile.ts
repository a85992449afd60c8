import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BoundaryView } from '../core/boundaries.ts';
import { decodeWorld } from './map/decodeWorld.ts';
import type { MapGeometry } from './map/index.ts';
import { layoutMap } from './map/project.ts';

// The geometry the server and the bake draw into pages: the shipped Natural Earth asset of the dataset's view
// of boundaries (de facto, or a country's official view), or an operator's own (built with
// scripts/build-geometry.ts) named by the ATLAS_GEOMETRY environment variable, which then serves every view.
// Read, decoded and projected once per file; a page carries only the view it draws.

const shipped = (name: string): string => fileURLToPath(new URL(`./map/${name}`, import.meta.url));

/** The shipped asset of each view of boundaries. */
export const SHIPPED_GEOMETRY_BY_VIEW: Record<BoundaryView, string> = {
  'de-facto': shipped('world.generated.json'),
  IN: shipped('world-IN.generated.json'),
};

export const SHIPPED_GEOMETRY = SHIPPED_GEOMETRY_BY_VIEW['de-facto'];

/** The file a page of this view draws: ATLAS_GEOMETRY when set, else the shipped asset of the view. */
export function geometryFileFor(view: BoundaryView = 'de-facto'): string {
  return process.env.ATLAS_GEOMETRY || SHIPPED_GEOMETRY_BY_VIEW[view];
}

const loaded = new Map<string, MapGeometry>();

export function geometryFromFile(file = geometryFileFor()): MapGeometry {
  let g = loaded.get(file);
  if (!g) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(
        `map geometry ${file} could not be read (${e instanceof Error ? e.message : String(e)}); ` +
          'set ATLAS_GEOMETRY to a file made by scripts/build-geometry.ts, or unset it for the shipped one',
      );
    }
    const world = decodeWorld(json, file);
    g = { world, layout: layoutMap(world) };
    loaded.set(file, g);
  }
  return g;
}
