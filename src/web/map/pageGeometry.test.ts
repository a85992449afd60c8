import { describe, expect, it } from 'vitest';
import { LAYOUT_HEIGHT, LAYOUT_WIDTH } from './layout.ts';
import { pageGeometryMeta, readPageGeometry } from './pageGeometry.ts';
import { layoutMap } from './project.ts';
import { loadWorld } from './testing.ts';

const world = loadWorld();
const layout = layoutMap(world);
const paths = new Map(layout.units.map((u) => [u.a3, u.d]));

describe('the map a page carries', () => {
  it('reads back exactly what the server projected, without the shapes', () => {
    const meta = JSON.parse(JSON.stringify(pageGeometryMeta({ world, layout })));
    const back = readPageGeometry(meta, paths)!;
    expect(back.layout.units).toEqual(layout.units);
    expect(back.layout.sphere).toBe(layout.sphere);
    expect([back.layout.width, back.layout.height]).toEqual([LAYOUT_WIDTH, LAYOUT_HEIGHT]);
    expect(back.world.units.map(({ feature: _, ...u }) => u)).toEqual(
      world.units.map(({ feature: _, ...u }) => u),
    );
    expect(back.world.units.every((u) => u.feature === undefined)).toBe(true);
    expect(back.world.byA3.get('SGP')?.tiny).toBe(true);
    expect(back.world.byA3.get('KAS')?.disputed).toBe(true);
  });

  it('answers null (the page then downloads the asset) for anything else', () => {
    const meta = pageGeometryMeta({ world, layout });
    expect(readPageGeometry(null, paths)).toBeNull();
    expect(readPageGeometry({ ...meta, v: 2 }, paths)).toBeNull();
    expect(readPageGeometry({ ...meta, units: [['SGP']] }, paths)).toBeNull();
    const missing = new Map(paths);
    missing.delete('FRA');
    expect(readPageGeometry(meta, missing)).toBeNull();
    expect(readPageGeometry({ ...meta, units: [...meta.units, meta.units[0]] }, paths)).toBeNull();
  });
});

describe('layoutMap', () => {
  it('writes every shape as relative steps in whole units, inside the layout box', () => {
    expect(layout.units).toHaveLength(242);
    for (const u of layout.units) {
      expect(u.d, u.a3).toMatch(/^(M\d+ \d+(l-?\d+[ -]?\d+)*z)+$/);
      expect(u.x).toBeGreaterThan(0);
      expect(u.x).toBeLessThan(LAYOUT_WIDTH);
      expect(u.y).toBeGreaterThan(0);
      expect(u.y).toBeLessThan(LAYOUT_HEIGHT);
    }
    // A shape that rounds away entirely keeps one point rather than an empty path.
    expect(layout.byA3.get('ATC')!.d).toMatch(/^M\d+ \d+z$/);
    // Relative steps: India's outline is far larger than its path data would be in absolute coordinates.
    expect(layout.byA3.get('IND')!.d.length).toBeLessThan(2500);
  });
});
