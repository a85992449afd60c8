import type { CategoryId } from '../../core/ids.ts';
import { disputedPatternNode, patternNode, undatedPatternNode } from './fills.ts';
import { inlineClassStyles } from './inlineStyles.ts';
import type { MapLayout } from './layout.ts';
import { buildMapLayers } from './mapTree.ts';
import type { MapState } from './state.ts';
import { el, type SvgNode, toSvgString } from './svg.ts';
import { type MapTheme, mapStyleSheet } from './theme.ts';
import { ZOOM_IDENTITY, type ZoomState, zoomToTransform } from './zoom.ts';

// The map as one standalone SVG document: for the SVG/PNG download (with title, legend and credit line), for
// print, and for snapshot tests. Pure: the same state and options give the same bytes.

/** `swatch`: a category, a combination of categories (ids joined by "."), or 'focal' | 'disputed' | 'undated'. */
export type LegendItem = { label: string; swatch: CategoryId | string };

export type RenderOptions = {
  /** Size of the whole image in px, title, legend and credit included. */
  width: number;
  height: number;
  title?: string;
  legend?: readonly LegendItem[];
  /** Credit line(s): source, licence, boundary note. */
  credit?: string;
  /** A still image has one look: light (default) or dark. */
  theme?: Exclude<MapTheme, 'auto'>;
  zoom?: ZoomState;
  prefix?: string;
};

const PAD = 12;
const TITLE_BAND = 34;
const ROW = 20;
const SWATCH = 12;

// No text measurement without a DOM: widths are estimated generously from character counts.
const textWidth = (text: string, px: number): number => text.length * px * 0.56;

function wrap(text: string, px: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, px) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

type Placed = { item: LegendItem; x: number; row: number };

function placeLegend(items: readonly LegendItem[], width: number): { placed: Placed[]; rows: number } {
  const placed: Placed[] = [];
  let [x, row] = [PAD, 0];
  for (const item of items) {
    const w = SWATCH + 6 + textWidth(item.label, 12) + 18;
    if (x > PAD && x + w > width - PAD) [x, row] = [PAD, row + 1];
    placed.push({ item, x, row });
    x += w;
  }
  return { placed, rows: items.length === 0 ? 0 : row + 1 };
}

// The map's patterns shrink with its zoom; legend swatches keep their own, unscaled copies.
const swatchId = (prefix: string, swatch: string): string => `${prefix}-swatch-${swatch}`;

function swatchFill(swatch: LegendItem['swatch'], prefix: string): { fill?: string; class: string } {
  if (swatch === 'focal') return { class: `${prefix}-swatch ${prefix}-focal` };
  return { fill: `url(#${swatchId(prefix, swatch)})`, class: `${prefix}-swatch` };
}

function swatchPatterns(items: readonly LegendItem[], state: MapState, prefix: string): SvgNode[] {
  const out: SvgNode[] = [];
  for (const { swatch } of items) {
    if (swatch === 'disputed') out.push(disputedPatternNode(prefix, swatchId(prefix, swatch)));
    if (swatch === 'undated') out.push(undatedPatternNode(prefix, swatchId(prefix, swatch)));
    const ids = swatch.split('.');
    const styles = state.styles.filter((s) => ids.includes(s.id));
    if (styles.length === ids.length) out.push(patternNode(styles, prefix, swatchId(prefix, swatch)));
  }
  return out;
}

export function renderMapSvg(state: MapState, layout: MapLayout, opts: RenderOptions): string {
  const prefix = opts.prefix ?? 'aa';
  const width = Math.round(opts.width);
  const legend = placeLegend(opts.legend ?? [], width);
  const creditLines = opts.credit ? wrap(opts.credit, 11, width - 2 * PAD) : [];
  const top = opts.title ? TITLE_BAND : 0;
  const bottom =
    (legend.rows > 0 ? legend.rows * ROW + 8 : 0) + creditLines.length * 15 + (creditLines.length ? 8 : 0);
  const mapHeight = Math.max(50, Math.round(opts.height) - top - bottom);
  const height = top + mapHeight + bottom;
  // The layout is drawn scaled to fit the band (centred), zoomed within its own box as on the page.
  const fit = Math.min(width / layout.width, mapHeight / layout.height);
  const dx = (width - layout.width * fit) / 2;
  const dy = (mapHeight - layout.height * fit) / 2;
  const transform = zoomToTransform(opts.zoom ?? ZOOM_IDENTITY, layout.width, layout.height);
  const theme = opts.theme === 'dark' ? 'dark' : 'light';
  const layers = buildMapLayers(state, layout, { prefix, theme, transform, pxPerUnit: fit });
  const r4 = (v: number): number => Math.round(v * 1e4) / 1e4 + 0;
  const fitted = el('g', { transform: `translate(${r4(dx)},${r4(dy)}) scale(${r4(fit)})` }, [layers.zoom]);

  const children: SvgNode[] = [
    el('title', { id: `${prefix}-svg-title` }, [opts.title ?? 'World map']),
    el('defs', {}, [
      ...layers.defs.children.filter((c): c is SvgNode => typeof c !== 'string'),
      ...swatchPatterns(opts.legend ?? [], state, prefix),
      el('clipPath', { id: `${prefix}-clip` }, [el('rect', { width, height: mapHeight })]),
    ]),
    el('rect', { class: `${prefix}-paper`, width, height }),
  ];
  if (opts.title) {
    children.push(el('text', { class: `${prefix}-text ${prefix}-title`, x: PAD, y: 24 }, [opts.title]));
  }
  children.push(
    el('g', { transform: top ? `translate(0,${top})` : undefined, 'clip-path': `url(#${prefix}-clip)` }, [
      fitted,
    ]),
  );
  let y = top + mapHeight + 8;
  if (legend.rows > 0) {
    const items = legend.placed.map(({ item, x, row }) =>
      el('g', { transform: `translate(${Math.round(x)},${y + row * ROW})` }, [
        el('rect', { width: SWATCH, height: SWATCH, ...swatchFill(item.swatch, prefix) }),
        el('text', { class: `${prefix}-text ${prefix}-legend`, x: SWATCH + 6, y: 10.5 }, [item.label]),
      ]),
    );
    children.push(el('g', { class: `${prefix}-legend-items` }, items));
    y += legend.rows * ROW;
  }
  creditLines.forEach((line, i) => {
    children.push(
      el('text', { class: `${prefix}-text ${prefix}-credit`, x: PAD, y: y + 11 + i * 15 }, [line]),
    );
  });

  const root = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${prefix}-svg-title`,
      class: `${prefix}-map`,
    },
    children,
  );
  return `${toSvgString(inlineClassStyles(root, mapStyleSheet(theme, prefix)))}\n`;
}
