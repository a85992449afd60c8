import { disputedPatternNode, fillKey, fillPaint, patternNode, undatedPatternNode } from './fills.ts';
import { type MapLayout, patternScaleFor, type UnitLayout } from './layout.ts';
import { markerDot, markerHit, type PlacedMarker, type Point, placeMarkers } from './markers.ts';
import type { MapState, MapUnitState } from './state.ts';
import { el, keyed, type SvgNode } from './svg.ts';
import { type MapTheme, mapStyleSheet } from './theme.ts';
import type { ZoomTransform } from './zoom.ts';

// The one builder of the map's SVG structure. render.ts serialises it; WorldMap.tsx turns it into Preact
// elements and adds behaviour by event delegation, so the exported image and the live map cannot drift apart.

export type MapTreeOptions = {
  /** Prefix of classes and ids, so two maps on one page do not share pattern ids. Default "aa". */
  prefix?: string;
  theme?: MapTheme;
  /** Live map: partners become buttons with a roving tabindex. */
  interactive?: boolean;
  /** Alpha-3 of the unit holding tabindex="0" (interactive). */
  tabStop?: string | null;
  /** Alpha-3 of the unit with keyboard focus, highlighted (interactive). */
  focused?: string | null;
  /** Alpha-3 of the unit under the pointer, highlighted (interactive). */
  hovered?: string | null;
  transform?: ZoomTransform;
  /**
   * A combination to pick out (its pattern key, or "undated"): its countries drawn again on top with a strong
   * outline, everything else dimmed (the combination legend's hover and focus).
   */
  highlight?: string | null;
  /** Scale the patterns are drawn for (default: the transform's); the live map updates it when a zoom settles. */
  patternZoom?: number;
  /**
   * Screen px per layout unit at zoom 1 (the map's width on screen / layout.width; default 1). Everything
   * meant to keep a size on screen (markers, hit areas, pattern tiles) is divided by it.
   */
  pxPerUnit?: number;
  /** Radius of a marker's visible dot, px on screen (default 4.5, smaller on small maps). */
  markerRadius?: number;
  /** Radius of a marker's invisible hit area, px on screen (12 px: a 24 px target at any zoom). */
  hitRadius?: number;
};

export type MapLayers = {
  style: SvgNode;
  defs: SvgNode;
  zoom: SvgNode;
  /** Where the markers ended up (layout px), for hit-testing near them. */
  markers: readonly PlacedMarker[];
};

const collator = new Intl.Collator('en', { sensitivity: 'base' });

const r1 = (v: number): number => Math.round(v * 10) / 10 + 0;
const r3 = (v: number): number => Math.round(v * 1000) / 1000 + 0;

function unitClass(u: MapUnitState, prefix: string): string {
  let c = `${prefix}-unit ${prefix}-${u.role}`;
  if (u.selected) c += ` ${prefix}-selected`;
  if (u.compared) c += ` ${prefix}-compared`;
  if (u.fill.kind === 'undated') c += ` ${prefix}-undated-only`;
  return c;
}

// The accessibility tree holds only the countries the dataset has something on (partners, research notes),
// each by its name; the other units are one named group, not 180 "X: no agreements". A listed country that
// the filters leave without anything is hidden from it until they bring it back.
function unitPath(u: MapUnitState, geo: UnitLayout, prefix: string, opts: MapTreeOptions): SvgNode {
  const button = opts.interactive === true && u.focusable;
  const named = u.listed && u.focusable;
  return keyed(
    el('path', {
      d: geo.d,
      class: unitClass(u, prefix),
      fill: fillPaint(u.fill, prefix),
      'data-iso2': u.iso2 ?? undefined,
      // The categories that colour it now (DESIGN.md): tests and scripts read the map's meaning from here.
      'data-categories': u.categories.join(' '),
      'data-a3': u.a3,
      'data-anchor': u.focusable ? `${geo.x},${geo.y}` : undefined,
      role: button ? 'button' : named ? 'img' : undefined,
      'aria-label': named ? u.label : undefined,
      'aria-hidden': u.listed && !named ? 'true' : undefined,
      'aria-current': button && u.selected ? 'true' : undefined,
      // Lower-case on purpose: Preact ignores camel-case tabIndex on SVG elements.
      tabindex: button ? (u.a3 === opts.tabStop ? 0 : -1) : undefined,
    }),
    u.a3,
  );
}

function highlight(d: string, kind: string, prefix: string, key: string): SvgNode {
  return keyed(el('path', { d, class: `${prefix}-hl ${prefix}-hl-${kind}` }), `${kind}:${key}`);
}

// The country shapes change only with the state, the size and the tab stop; not with zoom frames or hover.
// Reusing the same node lets the live map skip them entirely (its Layer compares nodes by identity).
const unitsCache = new WeakMap<MapState, { key: string; layout: MapLayout; node: SvgNode }>();

function unitsGroup(state: MapState, layout: MapLayout, prefix: string, opts: MapTreeOptions): SvgNode {
  const key = `${prefix}|${opts.interactive === true}|${opts.tabStop ?? ''}`;
  const hit = unitsCache.get(state);
  if (hit && hit.key === key && hit.layout === layout) return hit.node;
  const rest: SvgNode[] = [];
  const listed: Array<{ name: string; node: SvgNode }> = [];
  const disputed: SvgNode[] = [];
  state.units.forEach((u, i) => {
    const node = unitPath(u, layout.units[i]!, prefix, opts);
    if (u.role === 'disputed') disputed.push(node);
    else if (u.listed) listed.push({ name: u.name, node });
    else rest.push(node);
  });
  // Listed countries in alphabetical order (the order a screen reader reads them), painted over the rest.
  listed.sort((a, b) => collator.compare(a.name, b.name) || (a.node.key! < b.node.key! ? -1 : 1));
  const node = el('g', { class: `${prefix}-units` }, [
    el('g', { class: `${prefix}-rest`, role: 'img', 'aria-label': state.othersLabel }, rest),
    el(
      'g',
      { class: `${prefix}-listed` },
      listed.map((l) => l.node),
    ),
    el('g', { class: `${prefix}-disputed-units`, 'aria-hidden': 'true' }, disputed),
  ]);
  unitsCache.set(state, { key, layout, node });
  return node;
}

// Marker placement (pushing neighbours apart) depends only on which units are markers and which are partners
// to keep clear of, the view and the marker size: not on fills or counts. A filter step that keeps the same
// partners (a timeline step, or a category toggle where every partner has another category) and every hover
// or focus frame reuse the last placements, rebound to the new state's units.
type Placement = { key: string; layout: MapLayout; at: Array<{ index: number; anchor: Point; at: Point }> };
const placements: Placement[] = [];

function placedMarkers(
  state: MapState,
  layout: MapLayout,
  t: ZoomTransform,
  radius: number,
  gap: number,
): PlacedMarker[] {
  let kinds = '';
  for (const u of state.units) kinds += u.marker ? 'm' : u.focusable ? 'p' : '-';
  const key = `${t.k}|${t.x}|${t.y}|${radius}|${gap}|${kinds}`;
  let hit = placements.find((p) => p.key === key && p.layout === layout);
  if (!hit) {
    const index = new Map(state.units.map((u, i) => [u, i]));
    const placed = placeMarkers(state, layout, t, radius, gap);
    hit = { key, layout, at: placed.map((m) => ({ index: index.get(m.unit)!, anchor: m.anchor, at: m.at })) };
    placements.unshift(hit);
    if (placements.length > 4) placements.pop();
  }
  return hit.at.map((m) => ({ unit: state.units[m.index]!, anchor: m.anchor, at: m.at }));
}

const styleNodes = new Map<string, SvgNode>();

function styleNode(theme: MapTheme, prefix: string): SvgNode {
  const key = `${theme}|${prefix}`;
  let node = styleNodes.get(key);
  if (!node) {
    node = el('style', {}, [mapStyleSheet(theme, prefix)]);
    styleNodes.set(key, node);
  }
  return node;
}

/** Style, pattern definitions and the zoomable map group for a state at a layout's size. */
export function buildMapLayers(state: MapState, layout: MapLayout, opts: MapTreeOptions = {}): MapLayers {
  const prefix = opts.prefix ?? 'aa';
  const t = opts.transform ?? { k: 1, x: 0, y: 0 };
  const styles = new Map(state.styles.map((s) => [s.id as string, s]));
  const ppu = opts.pxPerUnit ?? 1;
  const screenWidth = layout.width * ppu;
  // Textures keep their size on screen at any zoom, and shrink a little on small maps.
  const scale = patternScaleFor(screenWidth) / ((opts.patternZoom ?? t.k) * ppu);
  const patternScale = scale === 1 ? undefined : `scale(${r3(scale)})`;
  // Keyed by id: a filter step that drops one combination leaves the other patterns' elements untouched
  // (a changed pattern repaints every shape filled with it).
  const withScale = (p: SvgNode): SvgNode =>
    keyed({ ...p, attrs: { ...p.attrs, patternTransform: patternScale } }, String(p.attrs.id));
  const patterns = [
    ...state.combos.map((combo) =>
      withScale(
        patternNode(
          combo.map((c) => styles.get(c)!),
          prefix,
        ),
      ),
    ),
    withScale(disputedPatternNode(prefix)),
  ];
  if (state.units.some((u) => u.fill.kind === 'undated'))
    patterns.push(withScale(undatedPatternNode(prefix)));

  const lines: SvgNode[] = [];
  state.units.forEach((u, i) => {
    const geo = layout.units[i];
    if (geo === undefined || geo.a3 !== u.a3) throw new Error(`map layout and state disagree at unit ${i}`);
    if (u.role === 'focal') lines.push(highlight(geo.d, 'focal', prefix, u.a3));
    if (u.compared) lines.push(highlight(geo.d, 'compared', prefix, u.a3));
  });
  const radius = (opts.markerRadius ?? 4.5 * Math.max(0.8, patternScaleFor(screenWidth))) / ppu;
  const placed = placedMarkers(state, layout, t, radius, 3 / ppu);
  const mo = {
    prefix,
    k: t.k,
    radius,
    hitRadius: (opts.hitRadius ?? 12) / ppu,
    px: 1 / ppu,
    focused: opts.focused ?? null,
  };
  // Outlines go on top of all shapes, so neighbours cannot hide them; the strongest last.
  const byKey = (a3: string | null | undefined, kind: string): void => {
    const geo = a3 ? layout.byA3.get(a3) : undefined;
    if (geo) lines.push(highlight(geo.d, kind, prefix, geo.a3));
  };
  if (opts.interactive) byKey(opts.hovered, 'hover');
  for (const u of state.units) if (u.selected) byKey(u.a3, 'selected');
  if (opts.interactive) byKey(opts.focused, 'focus');
  const picked = opts.highlight ?? null;
  if (picked !== null) {
    state.units.forEach((u, i) => {
      if (u.role !== 'partner' || fillKey(u.fill) !== picked) return;
      const attrs = { class: `${prefix}-combo-hl`, 'data-highlight': u.iso2 ?? u.a3 };
      lines.push(
        keyed(el('path', { d: layout.units[i]!.d, fill: fillPaint(u.fill, prefix), ...attrs }), `hl:${u.a3}`),
      );
    });
    for (const m of placed) {
      if (fillKey(m.unit.fill) !== picked) continue;
      const ring = {
        cx: m.at.x,
        cy: m.at.y,
        r: r3(radius / t.k + 3 / ppu / t.k),
        class: `${prefix}-marker-ring`,
      };
      lines.push(keyed(el('circle', ring), `hlm:${m.unit.a3}`));
    }
  }

  const zoom = el(
    'g',
    {
      class: picked === null ? `${prefix}-zoom` : `${prefix}-zoom ${prefix}-dimmed`,
      transform: `translate(${r1(t.x)},${r1(t.y)}) scale(${r3(t.k)})`,
    },
    [
      el('path', { d: layout.sphere, class: `${prefix}-sea` }),
      el(
        'g',
        { class: `${prefix}-marker-hits`, 'aria-hidden': 'true' },
        placed.map((m) => markerHit(m, mo)),
      ),
      unitsGroup(state, layout, prefix, opts),
      el('g', { class: `${prefix}-lines`, 'aria-hidden': 'true' }, lines),
      el(
        'g',
        { class: `${prefix}-markers`, 'aria-hidden': 'true' },
        placed.map((m) => markerDot(m, styles, mo)),
      ),
    ],
  );
  return {
    style: styleNode(opts.theme ?? 'auto', prefix),
    defs: el('defs', {}, patterns),
    zoom,
    markers: placed,
  };
}
