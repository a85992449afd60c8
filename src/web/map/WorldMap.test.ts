import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { CountryCode } from '../../core/ids.ts';
import { tallyByCountry } from '../../core/stats.ts';
import { buildMapLayers } from './mapTree.ts';
import { layoutMap } from './project.ts';
import { computeMapState } from './state.ts';
import { toSvgString } from './svg.ts';
import { loadDataset, loadWorld, sampleAgreements } from './testing.ts';
import { WorldMap } from './WorldMap.tsx';

// The component's first render (as a server or the first client frame produces it); behaviour in a browser is
// covered by the page's end-to-end tests.

const dataset = loadDataset();
const world = loadWorld();
const state = computeMapState({
  world,
  dataset,
  tallies: tallyByCountry(dataset, sampleAgreements),
  selected: 'FR' as CountryCode,
});
const html = renderToString(
  h(WorldMap, {
    state,
    layout: layoutMap(world),
    onSelect: () => {},
    initialWidth: 800,
    labels: { zoomIn: 'Plus près' },
  }),
);

describe('WorldMap', () => {
  it('has one tab stop, on the selected country, with lower-case tabindex on SVG', () => {
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(
      /data-iso2="FR" data-categories="[^"]*" data-a3="FRA" data-anchor="[^"]+" role="button" aria-label="France: [^"]+" aria-current="true" tabindex="0"/,
    );
    expect(html.match(/tabindex="-1"/g)).toHaveLength(state.units.filter((u) => u.focusable).length - 1);
    expect(html).not.toContain('tabIndex');
  });

  it('makes partners buttons and every other unit part of one named group', () => {
    expect(html.match(/role="button" aria-label=/g)).toHaveLength(9);
    expect(html.match(/role="img" aria-label=/g)).toHaveLength(1);
    expect(html).not.toContain('Germany');
    expect(html).toMatch(/<g class="aa-rest" role="img" aria-label="India \(focal country\) and 2\d\d other/);
  });

  it('is a named group with instructions and accessible zoom buttons', () => {
    expect(html).toMatch(
      /<svg class="aa-map" width="1920" height="960" viewBox="0 0 1920 960" role="group" aria-label="World map of agreements" aria-describedby="([^"]+)"/,
    );
    const id = /aria-describedby="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`<p id="${id}"`);
    expect(html).toContain('aria-label="Plus près"');
    expect(html).toContain('aria-label="Zoom out"');
    expect(html).toContain('aria-label="Reset zoom"');
  });

  it('renders the same map structure as the standalone renderer', () => {
    const layers = buildMapLayers(state, layoutMap(world), {
      interactive: true,
      tabStop: 'FRA',
      theme: 'auto',
      pxPerUnit: 800 / 1920,
    });
    // Preact writes <path ...></path> where the serialiser writes <path .../>; otherwise identical.
    // It also writes an empty attribute bare (data-categories), which HTML reads as the empty string.
    const zoomGroup = toSvgString(layers.zoom)
      .replace(/<(\w+)([^<>]*)\/>/g, '<$1$2></$1>')
      .replaceAll('data-categories=""', 'data-categories');
    expect(zoomGroup.length).toBeGreaterThan(100_000);
    expect(html.includes(zoomGroup)).toBe(true);
    expect(html).toContain(`<path d="${layoutMap(world).byA3.get('IND')!.d}" class="aa-unit aa-focal"`);
  });
});
