import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from '../../../src/web/map/world.generated.json?url';

// The paint benchmark's baseline: the same geometry asset the map page uses, fetched the same way and drawn
// as plain SVG paths with d3-geo, with nothing else on the page. What the real page costs beyond this is
// its own doing (data, state, interactivity).

const SVG = 'http://www.w3.org/2000/svg';

async function draw(): Promise<void> {
  const res = await fetch(worldUrl);
  const topology = (await res.json()) as Topology;
  const countries = topology.objects.countries as GeometryCollection<{ a3: string }>;
  const { features } = feature(topology, countries);
  const width = Math.max(320, document.documentElement.clientWidth);
  const height = Math.round(width * 0.5);
  const projection = geoEqualEarth().fitExtent(
    [
      [2, 2],
      [width - 2, height - 2],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection).digits(1);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'World map');
  const g = document.createElementNS(SVG, 'g');
  for (const f of features) {
    const p = document.createElementNS(SVG, 'path');
    p.setAttribute('d', path(f) ?? '');
    p.setAttribute('data-a3', f.properties?.a3 ?? '');
    p.setAttribute('fill', '#d9d9d9');
    p.setAttribute('stroke', '#ffffff');
    p.setAttribute('stroke-width', '0.5');
    g.append(p);
  }
  svg.append(g);
  document.getElementById('bare-map')?.append(svg);
}

void draw();
