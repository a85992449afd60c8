import type { CategoryId } from '../../core/ids.ts';
import type { Category } from '../../core/schemas.ts';
import { el, type SvgNode } from './svg.ts';

// How a partner shows its categories. Every category has a colour (from the dataset) AND a texture (line
// direction or dots), and a partner's fill overlays the textures of all its categories, so a country with
// three categories visibly carries all three, and the categories stay apart without colour vision.

export type Texture = 'diagonal' | 'antidiagonal' | 'horizontal' | 'vertical' | 'dots' | 'rings';

/** Assigned to categories in dataset order; line directions first, as they combine most legibly. */
export const TEXTURES: readonly Texture[] = [
  'diagonal',
  'antidiagonal',
  'horizontal',
  'vertical',
  'dots',
  'rings',
];

export type CategoryStyle = { id: CategoryId; color: string; texture: Texture };

export function categoryStyles(categories: readonly Pick<Category, 'id' | 'color'>[]): CategoryStyle[] {
  return categories.map((c, i) => ({ id: c.id, color: c.color, texture: TEXTURES[i % TEXTURES.length]! }));
}

export type FillSpec =
  | { kind: 'land' }
  | { kind: 'focal' }
  | { kind: 'disputed' }
  /** Undated agreements only, drawn apart while a year range is set: outlined and hatched, never coloured. */
  | { kind: 'undated' }
  /** A partner: `key` names the pattern of exactly these categories, in dataset order. */
  | { kind: 'categories'; key: string; categories: readonly CategoryId[] };

export function comboKey(categories: readonly CategoryId[]): string {
  return categories.join('.');
}

export function patternId(prefix: string, key: string): string {
  return `${prefix}-fill-${key}`;
}

export function disputedPatternId(prefix: string): string {
  return `${prefix}-disputed`;
}

export function undatedPatternId(prefix: string): string {
  return `${prefix}-undated-fill`;
}

/** The `fill` attribute of a unit; undefined where the stylesheet colours it by class. */
export function fillPaint(fill: FillSpec, prefix: string): string | undefined {
  if (fill.kind === 'categories') return `url(#${patternId(prefix, fill.key)})`;
  if (fill.kind === 'disputed') return `url(#${disputedPatternId(prefix)})`;
  if (fill.kind === 'undated') return `url(#${undatedPatternId(prefix)})`;
  return undefined;
}

/** Tile size of the patterns, in px of the map at zoom 1. */
export const TILE = 8;

function textureNode(texture: Texture, color: string, width: number): SvgNode {
  const line = (d: string): SvgNode =>
    el('path', { d, stroke: color, 'stroke-width': width, 'stroke-linecap': 'square', fill: 'none' });
  switch (texture) {
    case 'diagonal':
      return line('M-2,2L2,-2M0,8L8,0M6,10L10,6');
    case 'antidiagonal':
      return line('M-2,6L2,10M0,0L8,8M6,-2L10,2');
    case 'horizontal':
      return line('M0,4H8');
    case 'vertical':
      return line('M4,0V8');
    case 'dots':
      return el('path', {
        d: 'M0.5,2a1.5,1.5 0 1,0 3,0a1.5,1.5 0 1,0-3,0M4.5,6a1.5,1.5 0 1,0 3,0a1.5,1.5 0 1,0-3,0',
        fill: color,
      });
    case 'rings':
      return el('circle', { cx: 4, cy: 4, r: 2.2, fill: 'none', stroke: color, 'stroke-width': 1.2 });
  }
}

/**
 * One <pattern> for one combination of categories: a tint of their colours under their textures, the lines
 * thinner as they get more numerous so that crossing lines stay apart.
 */
export function patternNode(styles: readonly CategoryStyle[], prefix: string, id?: string): SvgNode {
  const key = comboKey(styles.map((s) => s.id));
  const tint = styles.length === 1 ? 0.35 : 0.2;
  const width = styles.length === 1 ? 2.4 : styles.length === 2 ? 2 : 1.6;
  return el(
    'pattern',
    { id: id ?? patternId(prefix, key), patternUnits: 'userSpaceOnUse', width: TILE, height: TILE },
    [
      el('rect', { class: `${prefix}-pbase`, width: TILE, height: TILE }),
      ...styles.map((s) => el('rect', { width: TILE, height: TILE, fill: s.color, 'fill-opacity': tint })),
      ...styles.map((s) => textureNode(s.texture, s.color, width)),
    ],
  );
}

/** Fine grey hatching for disputed areas, unlike any category texture. */
export function disputedPatternNode(prefix: string, id?: string): SvgNode {
  return el(
    'pattern',
    { id: id ?? disputedPatternId(prefix), patternUnits: 'userSpaceOnUse', width: 4, height: 4 },
    [
      el('rect', { class: `${prefix}-dbase`, width: 4, height: 4 }),
      el('path', { class: `${prefix}-hatch`, d: 'M-1,1L1,-1M0,4L4,0M3,5L5,3', 'stroke-width': 0.6 }),
    ],
  );
}

/** Undated only: land crossed by a sparse ink hatch (the shape also gets a dashed ink outline, by class). */
export function undatedPatternNode(prefix: string, id?: string): SvgNode {
  return el(
    'pattern',
    { id: id ?? undatedPatternId(prefix), patternUnits: 'userSpaceOnUse', width: TILE, height: TILE },
    [
      el('rect', { class: `${prefix}-dbase`, width: TILE, height: TILE }),
      el('path', { class: `${prefix}-uhatch`, d: 'M0,8L8,0M0,0L8,8', 'stroke-width': 0.9, fill: 'none' }),
    ],
  );
}

const r2 = (v: number): number => Math.round(v * 100) / 100 + 0;

/**
 * A marker for a tiny country: a pie with one equal slice per category (all of them visible even at 8 px),
 * or a ring for the focal country.
 */
export function markerShapes(styles: readonly CategoryStyle[], cx: number, cy: number, r: number): SvgNode[] {
  if (styles.length <= 1) {
    return [el('circle', { cx, cy, r: r2(r), fill: styles[0]?.color })];
  }
  const step = (2 * Math.PI) / styles.length;
  // A full disc under the slices: one outline, and every marker has a <circle> to aim at.
  const disc = el('circle', { cx, cy, r: r2(r), fill: styles[0]!.color });
  const slices = styles.map((s, i) => {
    const a0 = -Math.PI / 2 + i * step;
    const a1 = a0 + step;
    const [x0, y0] = [r2(cx + r * Math.cos(a0)), r2(cy + r * Math.sin(a0))];
    const [x1, y1] = [r2(cx + r * Math.cos(a1)), r2(cy + r * Math.sin(a1))];
    const large = step > Math.PI ? 1 : 0;
    return el('path', {
      d: `M${cx},${cy}L${x0},${y0}A${r2(r)},${r2(r)} 0 ${large},1 ${x1},${y1}Z`,
      fill: s.color,
    });
  });
  return [disc, ...slices];
}
