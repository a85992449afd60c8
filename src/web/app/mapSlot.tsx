import type { BoundaryView } from '../../core/boundaries.ts';
import { type MapGeometry, readPageGeometry } from '../map/index.ts';
import worldUrl from '../map/world.generated.json?url';
import worldInUrl from '../map/world-IN.generated.json?url';
import { createMapSlot } from './mapView.tsx';

// The map for the browser. A page from our server or bake carries its map already drawn, and the geometry
// is read back from it (paths from the <svg>, the rest from #atlas-map): no download, no projection. A page
// without it downloads the geometry asset (a separate hashed file) and projects it with d3-geo, which is
// then loaded as its own chunk. Only main.tsx imports this.

export const MAP_META_ID = 'atlas-map';

let fromPage: MapGeometry | null | undefined;

/** The geometry the page carries, or null (read once; the DOM's paths are not changed by the map). */
export function pageGeometry(): MapGeometry | null {
  if (fromPage !== undefined) return fromPage;
  fromPage = null;
  const meta = document.getElementById(MAP_META_ID)?.textContent;
  if (meta) {
    const paths = new Map<string, string>();
    for (const p of document.querySelectorAll('svg path.aa-unit[data-a3]')) {
      paths.set(p.getAttribute('data-a3') ?? '', p.getAttribute('d') ?? '');
    }
    try {
      fromPage = readPageGeometry(JSON.parse(meta), paths);
    } catch {
      fromPage = null;
    }
  }
  return fromPage;
}

let downloaded: Promise<MapGeometry> | null = null;

/** The geometry from the page, or (once) downloaded and projected. */
export function loadGeometry(view: BoundaryView): Promise<MapGeometry> {
  const now = pageGeometry();
  if (now) return Promise.resolve(now);
  // Each view is its own hashed file; only the one the dataset draws is fetched.
  const url = view === 'IN' ? worldInUrl : worldUrl;
  downloaded ??= Promise.all([
    fetch(url).then((res) => {
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return res.json() as Promise<unknown>;
    }),
    import('../map/decodeWorld.ts'),
    import('../map/project.ts'),
  ]).then(([json, { decodeWorld }, { layoutMap }]) => {
    const world = decodeWorld(json, url);
    return { world, layout: layoutMap(world) };
  });
  return downloaded;
}

export const worldMapSlot = createMapSlot({ now: pageGeometry, load: loadGeometry });
