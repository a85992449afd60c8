import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeWorld } from './map/decodeWorld.ts';
import type { MapGeometry } from './map/index.ts';
import { layoutMap } from './map/project.ts';

// The geometry the server and the bake draw into pages: the shipped Natural Earth asset, or an operator's own
// (built with scripts/build-geometry.ts, e.g. borders as one country officially shows them) named by the
// ATLAS_GEOMETRY environment variable. Read, decoded and projected once per file.

export const SHIPPED_GEOMETRY = fileURLToPath(new URL('./map/world.generated.json', import.meta.url));

const loaded = new Map<string, MapGeometry>();

export function geometryFromFile(file = process.env.ATLAS_GEOMETRY || SHIPPED_GEOMETRY): MapGeometry {
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
