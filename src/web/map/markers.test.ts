import { describe, expect, it } from 'vitest';
import { tallyByCountry } from '../../core/stats.ts';
import { buildMapLayers } from './mapTree.ts';
import { dodge, nearestMarker, placeMarkers } from './markers.ts';
import { layoutMap } from './project.ts';
import { computeMapState } from './state.ts';
import { agreement, loadDataset, loadWorld } from './testing.ts';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('dodge', () => {
  it('leaves points that are far apart where they are', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
    ];
    expect(dodge(pts, 12)).toEqual(pts);
  });

  it('pushes close and coincident points apart, deterministically', () => {
    const pts = [
      { x: 10, y: 10 },
      { x: 12, y: 11 },
      { x: 12, y: 11 },
    ];
    const out = dodge(pts, 12);
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++)
        expect(distance(out[i]!, out[j]!)).toBeGreaterThanOrEqual(11.9);
    }
    expect(dodge(pts, 12)).toEqual(out);
  });

  it('keeps points clear of fixed obstacles', () => {
    const [p] = dodge([{ x: 0, y: 0 }], 12, [{ x: 2, y: 0 }], 8);
    expect(distance(p!, { x: 2, y: 0 })).toBeGreaterThanOrEqual(8);
    expect(p!.x).toBeLessThan(0);
  });
});

describe('placeMarkers and nearestMarker', () => {
  const dataset = loadDataset();
  const world = loadWorld();
  const tallies = tallyByCountry(dataset, [
    agreement('mlat', 'BH'),
    agreement('mou', 'QA'),
    agreement('mou', 'AE'),
    agreement('mlat', 'SG'),
  ]);
  const state = computeMapState({ world, dataset, tallies });
  const layout = layoutMap(world);
  const t = { k: 1, x: 0, y: 0 };
  const placed = placeMarkers(state, layout, t, 4.5);
  const at = (code: string) => placed.find((m) => m.unit.iso2 === code)!;

  it('places a marker for each tiny partner, Bahrain and Qatar apart and off the Emirates', () => {
    expect(placed.map((m) => m.unit.iso2).sort()).toEqual(['BH', 'QA', 'SG']);
    expect(distance(at('BH').at, at('QA').at)).toBeGreaterThanOrEqual(11.9);
    const ae = layout.byA3.get('ARE')!;
    for (const code of ['BH', 'QA']) expect(distance(at(code).at, ae)).toBeGreaterThanOrEqual(4.5 + 2.9);
    const sg = at('SG');
    expect(sg.at).toEqual({ x: sg.anchor.x, y: sg.anchor.y });
  });

  it('finds the marker within reach of a point, and none beyond it', () => {
    const sg = at('SG').at;
    expect(nearestMarker(placed, t, sg.x + 10, sg.y + 5, 12)?.unit.iso2).toBe('SG');
    expect(nearestMarker(placed, t, sg.x + 30, sg.y, 12)).toBeUndefined();
    const zoomed = { k: 4, x: -100, y: -50 };
    expect(nearestMarker(placed, zoomed, 4 * sg.x - 100, 4 * sg.y - 50, 12)?.unit.iso2).toBe('SG');
  });
});

describe('buildMapLayers marker placement', () => {
  const dataset = loadDataset();
  const world = loadWorld();
  const layout = layoutMap(world);
  const stateOf = (agreements: ReturnType<typeof agreement>[]) =>
    computeMapState({ world, dataset, tallies: tallyByCountry(dataset, agreements) });

  it('reuses placements for the same partners, bound to the new state, and places anew for others', () => {
    const a = stateOf([agreement('mlat', 'BH'), agreement('mou', 'QA'), agreement('mlat', 'SG')]);
    // Same partners, other categories: the same places, but the markers carry the new state's units.
    const b = stateOf([agreement('mou', 'BH'), agreement('framework', 'QA'), agreement('mou', 'SG')]);
    const c = stateOf([agreement('mou', 'BH'), agreement('mou', 'SG')]);
    const t = { k: 1, x: 0, y: 0 };
    for (const s of [a, b, c]) {
      const layers = buildMapLayers(s, layout, { transform: t, pxPerUnit: 0.5 });
      // At 960 px on screen: a 4.5 × 0.96 px dot, 3 px apart (layout units are half a pixel here).
      const direct = placeMarkers(s, layout, t, (4.5 * 0.96) / 0.5, 3 / 0.5);
      expect(layers.markers).toEqual(direct);
      expect(layers.markers.every((m) => s.units.includes(m.unit))).toBe(true);
    }
  });
});
