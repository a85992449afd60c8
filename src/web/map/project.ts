import { type GeoProjection, geoEqualEarth, geoPath } from 'd3-geo';
import { LAYOUT_HEIGHT, LAYOUT_WIDTH, type MapLayout, makeLayout, type UnitLayout } from './layout.ts';
import type { World } from './world.ts';

// The projection, run where the geometry is decoded (the server, the bake, tests, the page's fallback when it
// carries no map): Equal Earth, an equal-area projection (no country looks bigger than it is), fitted to the
// layout box. Paths are written with relative commands in whole user units: at 1920 units across, a unit is
// a quarter pixel of a desktop map, and the path data is half the size of absolute coordinates.

const PADDING = 4;

export function mapProjection(): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [PADDING, PADDING],
      [LAYOUT_WIDTH - PADDING, LAYOUT_HEIGHT - PADDING],
    ],
    { type: 'Sphere' },
  );
}

const round1 = (v: number): number => Math.round(v * 10) / 10 + 0;

export function projectPoint(projection: GeoProjection, lonLat: readonly [number, number]): [number, number] {
  const p = projection([lonLat[0], lonLat[1]]) ?? [Number.NaN, Number.NaN];
  return [round1(p[0]), round1(p[1])];
}

/** A d3-geo path context writing "M x y" then "l dx dy" steps in whole units; zero steps are dropped. */
class RelativePath {
  private out = '';
  private x = 0;
  private y = 0;
  private ringStart = '';
  private firstMove = '';
  moveTo(px: number, py: number): void {
    const [x, y] = [Math.round(px), Math.round(py)];
    this.ringStart = `M${x} ${y}`;
    if (this.firstMove === '') this.firstMove = this.ringStart;
    this.out += this.ringStart;
    [this.x, this.y] = [x, y];
  }
  lineTo(px: number, py: number): void {
    const [x, y] = [Math.round(px), Math.round(py)];
    const [dx, dy] = [x - this.x, y - this.y];
    if (dx === 0 && dy === 0) return;
    this.out += `l${dx}${dy < 0 ? '' : ' '}${dy}`;
    [this.x, this.y] = [x, y];
  }
  closePath(): void {
    // A ring that rounded to a single point is dropped (it would draw nothing).
    if (this.out.endsWith(this.ringStart)) this.out = this.out.slice(0, -this.ringStart.length);
    else this.out += 'z';
  }
  arc(): void {}
  /** The path data; a shape that rounded away entirely keeps its first point (an empty `d` is an error). */
  result(): string {
    const d = this.out === '' && this.firstMove !== '' ? `${this.firstMove}z` : this.out;
    this.out = '';
    this.firstMove = '';
    return d;
  }
}

function pathOf(projection: GeoProjection, object: Parameters<ReturnType<typeof geoPath>>[0]): string {
  const context = new RelativePath();
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(object);
  return context.result();
}

const cache = new WeakMap<World, MapLayout>();

/** The layout of every unit of a decoded geometry asset (memoised: geometry never changes with filters). */
export function layoutMap(world: World): MapLayout {
  const hit = cache.get(world);
  if (hit) return hit;
  const projection = mapProjection();
  const units = world.units.map((u): UnitLayout => {
    if (!u.feature) throw new Error(`unit ${u.a3} has no geometry to project`);
    const [x, y] = projectPoint(projection, u.anchor);
    return { a3: u.a3, d: pathOf(projection, u.feature), x, y };
  });
  const layout = makeLayout(pathOf(projection, { type: 'Sphere' }), units);
  cache.set(world, layout);
  return layout;
}
