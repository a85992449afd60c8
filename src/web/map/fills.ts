import type { CategoryId } from '../../core/ids.ts';
import type { Category } from '../../core/schemas.ts';
import { el, type SvgNode } from './svg.ts';

// How a partner shows its categories: one distinct colour per combination of categories (a single category
// fills with its own colour from the dataset; two or more with a colour of their own, COMBO_COLORS), so that
// "MLAT + MoU" never blends into something that reads as a third category. Over it, every category of the
// combination draws its texture (line direction or dots) in a shade of that colour: the categories stay
// readable without colour vision, and the marks barely move the colour a reader sees at map scale.

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

export type CategoryStyle = {
  id: CategoryId;
  color: string;
  texture: Texture /** Place in the dataset. */;
  index: number;
};

export function categoryStyles(categories: readonly Pick<Category, 'id' | 'color'>[]): CategoryStyle[] {
  return categories.map((c, i) => ({
    id: c.id,
    color: c.color,
    texture: TEXTURES[i % TEXTURES.length]!,
    index: i,
  }));
}

/**
 * Fills of the combinations of two or more categories, keyed by the categories' places in the dataset ("0.1":
 * the first and the second). Chosen with the seed's category colours so that the mean colours of any two
 * combinations on the map differ by CIEDE2000 >= 10 in normal vision, under deuteranopia, protanopia and
 * tritanopia and in greyscale (colour/combos.test.ts, and in Chromium test/e2e/combinations.test.ts); darker
 * as a combination has more categories.
 */
export const COMBO_COLORS: Readonly<Record<string, string>> = {
  '0.1': '#f7f07a',
  '0.2': '#000f96',
  '1.2': '#ff4b5a',
  '0.1.2': '#5a3c69',
};

/** For datasets with more than three categories: further combinations take these in turn (marks tell them apart). */
const MORE_COLORS: readonly string[] = ['#7a4d8c', '#3f6e5a', '#8c5a2b', '#2b4f7a', '#6d6d2a', '#8a3b52'];

/** The fill colour of a combination of categories (in dataset order). */
export function comboColor(styles: readonly CategoryStyle[]): string {
  if (styles.length === 1) return styles[0]!.color;
  const key = styles.map((s) => s.index).join('.');
  const fixed = COMBO_COLORS[key];
  if (fixed !== undefined) return fixed;
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return MORE_COLORS[h % MORE_COLORS.length]!;
}

/**
 * The colour of the marks over a fill: the fill darkened (a sRGB mix towards black). Every fill loses about the
 * same share of its luminance to its marks, so the differences between combinations' colours hold.
 */
export function markColor(hex: string): string {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return `#${rgb
    .map((v) =>
      Math.round(v * 0.6)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export type FillSpec =
  | { kind: 'land' }
  | { kind: 'focal' }
  | { kind: 'disputed' }
  /** Undated agreements only, drawn apart while a year range is set: outlined and hatched, never coloured. */
  | { kind: 'undated' }
  /** A partner: `key` names the pattern of exactly these categories, in dataset order. */
  | { kind: 'categories'; key: string; categories: readonly CategoryId[] };

/**
 * What a fill is called where combinations are named (the combination key, the map's highlight): a partner's
 * pattern key, or its kind ("undated"; "focal" and the others for units no key entry names).
 */
export function fillKey(fill: FillSpec): string {
  return fill.kind === 'categories' ? fill.key : fill.kind;
}

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

/** One <pattern> for one combination of categories: the combination's colour under its categories' marks. */
export function patternNode(styles: readonly CategoryStyle[], prefix: string, id?: string): SvgNode {
  const key = comboKey(styles.map((s) => s.id));
  const color = comboColor(styles);
  const mark = markColor(color);
  return el(
    'pattern',
    { id: id ?? patternId(prefix, key), patternUnits: 'userSpaceOnUse', width: TILE, height: TILE },
    [
      el('rect', { width: TILE, height: TILE, fill: color }),
      ...styles.map((s) => textureNode(s.texture, mark, 1)),
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
 * A marker for a tiny country: a disc of its combination's colour, as its shape would be filled (a pie of
 * category colours would blend into another category's colour at this size, the very confusion the
 * combination colours avoid); an undated-only partner's disc is hatched like its shape.
 */
export function markerShapes(
  styles: readonly CategoryStyle[],
  cx: number,
  cy: number,
  r: number,
  prefix = 'aa',
): SvgNode[] {
  if (styles.length === 0) {
    return [
      el('circle', {
        cx,
        cy,
        r: r2(r),
        fill: `url(#${undatedPatternId(prefix)})`,
        class: `${prefix}-undated-only`,
      }),
    ];
  }
  return [el('circle', { cx, cy, r: r2(r), fill: comboColor(styles) })];
}
