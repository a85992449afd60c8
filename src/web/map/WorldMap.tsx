import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { CountryCode } from '../../core/ids.ts';
import { englishWorldMapLabels, type WorldMapLabels } from './labels.ts';
import { INHABITED_BOTTOM, INHABITED_TOP, type MapLayout } from './layout.ts';
import { MapTooltip } from './MapTooltip.tsx';
import { buildMapLayers } from './mapTree.ts';
import { nearestMarker } from './markers.ts';
import { NAV_KEYS, type NavKey, nextFocus } from './navigation.ts';
import { nearestOutline, type Outline, outlineOf } from './nearest.ts';
import type { MapState, MapUnitState } from './state.ts';
import type { MapTheme } from './theme.ts';
import { Layer } from './toPreact.ts';
import { useContainerWidth } from './useContainerWidth.ts';
import { useZoom, type ZoomFrame } from './useZoom.ts';
import { ZoomButtons } from './ZoomButtons.tsx';
import { MAX_ZOOM, normalizeZoom, ZOOM_IDENTITY, ZOOM_STEP, type ZoomState, zoomBy } from './zoom.ts';

// The live map: the same SVG structure as render.ts, plus behaviour by event delegation on the <svg> (one
// listener per event, not one per country). The <svg> has the layout's fixed viewBox and CSS scales it to its
// container, so the paths never change (the server's are kept as they are); only what keeps a size on screen
// (markers, hit areas, pattern tiles) follows the measured width. A filter step only rebuilds classes and
// fills. One tab stop (roving tabindex), arrows move in geographic order. No inline style anywhere (the
// page's CSP refuses it): the wrapper's rules are in map.generated.css.

export type WorldMapProps = {
  state: MapState;
  /** The projected geometry (project.ts layoutMap, or read back from the page). */
  layout: MapLayout;
  /** A country was opened (click, tap, Enter, Space), or closed (Escape: null). */
  onSelect: (code: CountryCode | null) => void;
  onHover?: (code: CountryCode | null) => void;
  /** Controlled zoom (e.g. from the URL); without it the map keeps its own. */
  zoom?: ZoomState;
  /** Called when a gesture or button has settled on a new view. */
  onZoom?: (zoom: ZoomState) => void;
  labels?: Partial<WorldMapLabels>;
  /** A combination to pick out (see MapTreeOptions.highlight): the combination legend's hover and focus. */
  highlight?: string | null;
  theme?: MapTheme;
  /** Class and id prefix (default "aa"); give a second map on the same page its own. */
  prefix?: string;
  /** Width on screen assumed before the container is measured (and on a server), px. */
  initialWidth?: number;
  class?: string;
};

/** How far from a finger a partner still counts as tapped, px. */
const TAP_REACH = 12;
/** A marker's radius on screen, px (markers keep their size at any zoom). */
const MARKER_RADIUS_PX = 4;

/** The height of the <svg>'s box in px, once measured (null before, and on a server). */
function useBoxHeight(ref: { current: SVGSVGElement | null }): number | null {
  const [h, setH] = useState<number | null>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const measure = (): void => {
      const r = node.getBoundingClientRect();
      if (r.height > 0) setH(Math.round(r.height));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return h;
}

/**
 * On a box taller than the layout's 2:1 (a phone in portrait, where CSS gives the map half the screen), the
 * world would be a strip letterboxed in it; its home view fills the box with the inhabited band instead,
 * placed to show the focal country and as many partners as fit. A pinch out shows the whole world.
 */
function frameFor(state: MapState, layout: MapLayout, visibleHeight: number): ZoomFrame {
  if (visibleHeight <= layout.height * 1.05) return { visibleHeight: layout.height, home: ZOOM_IDENTITY };
  const k = Math.min(MAX_ZOOM, visibleHeight / (INHABITED_BOTTOM - INHABITED_TOP));
  const span = layout.width / k;
  const xOf = (a3: string): number | undefined => layout.byA3.get(a3)?.x;
  const focal = state.units.find((u) => u.role === 'focal');
  const fx = focal ? xOf(focal.a3) : undefined;
  const partners = state.focusOrder.map(xOf).filter((x): x is number => x !== undefined);
  let best = { x: fx ?? layout.width / 2, count: -1 };
  for (let cx = span / 2; cx <= layout.width - span / 2; cx += 8) {
    if (fx !== undefined && Math.abs(fx - cx) > span / 2 - 40) continue;
    const count = partners.filter((x) => Math.abs(x - cx) <= span / 2).length;
    const nearer = Math.abs(cx - (fx ?? 0)) < Math.abs(best.x - (fx ?? 0));
    if (count > best.count || (count === best.count && nearer)) best = { x: cx, count };
  }
  const home = normalizeZoom({
    k,
    x: best.x / layout.width,
    y: (INHABITED_TOP + INHABITED_BOTTOM) / 2 / layout.height,
  });
  return { visibleHeight, home };
}

export function WorldMap(props: WorldMapProps): JSX.Element {
  const { state, layout, onSelect, onHover } = props;
  const prefix = props.prefix ?? 'aa';
  const labels = { ...englishWorldMapLabels, ...props.labels };
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const instructionsId = `${prefix}-map-help-${useId()}`;
  // Layout units are the <svg>'s user units; `ppu` converts them to px on screen at zoom 1.
  const { width, height } = layout;
  const screenWidth = useContainerWidth(containerRef, props.initialWidth ?? 960);
  const ppu = screenWidth / width;
  const boxHeight = useBoxHeight(svgRef);
  // The home view follows the box, not the filters: a filter step must not move the map.
  const firstState = useRef(state);
  const frame = useMemo(
    () =>
      frameFor(firstState.current, layout, boxHeight === null ? height : (boxHeight * width) / screenWidth),
    [layout, boxHeight, screenWidth],
  );
  const zoom = useZoom(svgRef, width, height, props.zoom, props.onZoom, frame);
  const [tabStop, setTabStop] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [hover, setHover] = useState<{ a3: string; x: number; y: number } | null>(null);

  const byA3 = useMemo(() => new Map(state.units.map((u) => [u.a3, u])), [state]);
  const navPoints = useMemo(
    () => state.focusOrder.map((a3) => ({ key: a3, anchor: byA3.get(a3)!.anchor })),
    [state, byA3],
  );
  const selectedUnit = state.units.find((u) => u.focusable && u.iso2 !== null && u.iso2 === state.selected);
  const stop =
    tabStop !== null && byA3.get(tabStop)?.focusable
      ? tabStop
      : (selectedUnit?.a3 ?? state.focusOrder[0] ?? null);

  // Opening a country elsewhere (search, table) makes it the map's tab stop, and brings it into view when the
  // map is zoomed in (or is a phone's window on the world) and it lies outside.
  useEffect(() => {
    if (!selectedUnit) return;
    setTabStop(selectedUnit.a3);
    const geo = layout.byA3.get(selectedUnit.a3);
    const z = zoom.current();
    if (!geo || z.k <= 1) return;
    const [halfW, halfH] = [width / (2 * z.k), frame.visibleHeight / (2 * z.k)];
    if (Math.abs(geo.x - z.x * width) > halfW * 0.9 || Math.abs(geo.y - z.y * height) > halfH * 0.9) {
      zoom.zoomTo({ k: z.k, x: geo.x / width, y: geo.y / height });
    }
  }, [selectedUnit?.a3]);

  const t = zoom.transform;
  const layers = useMemo(
    () =>
      buildMapLayers(state, layout, {
        prefix,
        theme: props.theme ?? 'auto',
        interactive: true,
        tabStop: stop,
        focused,
        hovered: hover?.a3 ?? null,
        transform: t,
        patternZoom: zoom.settledK,
        pxPerUnit: ppu,
        highlight: props.highlight ?? null,
      }),
    [state, layout, prefix, props.theme, stop, focused, hover?.a3, t, zoom.settledK, ppu, props.highlight],
  );

  const unitAt = (target: EventTarget | null): MapUnitState | undefined => {
    const node = (target as Element | null)?.closest?.('[data-a3]');
    const a3 = node?.getAttribute('data-a3');
    return a3 ? byA3.get(a3) : undefined;
  };
  /**
   * What a pointer means: a marker it is on, else a partner's land, else the nearest marker within a finger's
   * reach (so a tiny country surrounded by land that is not a partner is still a 24 px target).
   */
  const pick = (e: {
    target: EventTarget | null;
    clientX: number;
    clientY: number;
  }): MapUnitState | undefined => {
    const target = e.target as Element | null;
    const u = unitAt(target);
    // Partners and research-notes countries answer a click on their shape; elsewhere the nearest marker may.
    if (
      target?.closest?.(`.${prefix}-marker, .${prefix}-marker-hit`) ||
      u?.role === 'partner' ||
      u?.focusable
    )
      return u;
    // Through the <svg>'s screen transform: on a box taller than 2:1 the layout is letterboxed in it.
    const ctm = svgRef.current?.getScreenCTM();
    if (!ctm || ctm.a === 0) return u;
    const v = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const near = nearestMarker(layers.markers, t, v.x, v.y, TAP_REACH / ctm.a);
    return near?.unit ?? u;
  };
  /** Partners' outlines in layout units, parsed from the path data on the first tap. */
  const outlines = useRef<{ layout: MapLayout; byA3: Map<string, Outline> } | null>(null);
  const outlineOfUnit = (a3: string): Outline | undefined => {
    if (outlines.current?.layout !== layout) outlines.current = { layout, byA3: new Map() };
    let o = outlines.current.byA3.get(a3);
    const d = layout.byA3.get(a3)?.d;
    if (!o && d) {
      o = outlineOf(d);
      outlines.current.byA3.set(a3, o);
    }
    return o;
  };
  /**
   * What a finger meant: a marker it is on, else the nearest partner within TAP_REACH px of it, measured to
   * the drawn outlines and the markers alike (inside a shape is 0 px).
   */
  const pickTouch = (clientX: number, clientY: number): MapUnitState | undefined => {
    const target = document.elementFromPoint(clientX, clientY);
    if (target?.closest?.(`.${prefix}-marker`)) return unitAt(target);
    const ctm = svgRef.current?.getScreenCTM();
    if (!ctm || ctm.a === 0) return pick({ target, clientX, clientY });
    const v = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    const px = ctm.a * t.k; // screen px per layout unit at this zoom
    const [mx, my] = [(v.x - t.x) / t.k, (v.y - t.y) / t.k];
    const partners = state.units.filter((u) => u.role === 'partner' || u.focusable);
    const shape = nearestOutline(
      partners.flatMap((u): [MapUnitState, Outline][] => {
        const o = outlineOfUnit(u.a3);
        return o ? [[u, o]] : [];
      }),
      mx,
      my,
      TAP_REACH / px,
    );
    let best = shape ? { unit: shape.key, distance: shape.distance * px } : undefined;
    for (const m of layers.markers) {
      const d = Math.max(0, Math.hypot(m.at.x - mx, m.at.y - my) * px - MARKER_RADIUS_PX);
      if (d <= TAP_REACH && (best === undefined || d < best.distance)) best = { unit: m.unit, distance: d };
    }
    return best?.unit ?? unitAt(target);
  };
  /** The keyboard stop of a country (a marker, or a second unit of the same code, leads to it). */
  const stopOf = (u: MapUnitState): MapUnitState | undefined =>
    u.focusable ? u : state.units.find((v) => v.focusable && v.iso2 === u.iso2);

  const focusUnit = (a3: string): void => {
    setTabStop(a3);
    const node = svgRef.current?.querySelector<SVGElement>(`[data-a3="${a3}"][tabindex]`);
    node?.focus();
    // Keep it in view when zoomed in.
    const geo = layout.byA3.get(a3);
    if (!geo || t.k <= 1) return;
    const [sx, sy] = [t.k * geo.x + t.x, t.k * geo.y + t.y];
    if (sx < 0 || sy < 0 || sx > width || sy > height) {
      zoom.zoomTo({ k: t.k, x: geo.x / width, y: geo.y / height });
    }
  };

  const open = (u: MapUnitState | undefined): void => {
    const target = u && (u.role === 'partner' || u.focusable) ? stopOf(u) : undefined;
    if (!target || target.iso2 === null) return;
    setTabStop(target.a3);
    onSelect(target.iso2);
  };

  // Taps are read from the raw touch point: the click a browser makes of a tap may be "adjusted" towards a
  // neighbouring target, judged by bounding boxes, which for map shapes (France with Guiana) is wrong.
  const tap = useRef<{ id: number; x: number; y: number; t: number } | null>(null);
  const ignoreClicksUntil = useRef(0);
  const onPointerDown = (e: PointerEvent): void => {
    tap.current =
      e.pointerType === 'touch' && e.isPrimary
        ? { id: e.pointerId, x: e.clientX, y: e.clientY, t: e.timeStamp }
        : null;
  };
  const onPointerUp = (e: PointerEvent): void => {
    const start = tap.current;
    tap.current = null;
    if (!start || e.pointerId !== start.id) return;
    if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > 10 || e.timeStamp - start.t > 600) return;
    ignoreClicksUntil.current = e.timeStamp + 800;
    open(pickTouch(e.clientX, e.clientY));
  };

  const onClick = (e: MouseEvent): void => {
    if (e.timeStamp < ignoreClicksUntil.current) return;
    open(pick(e));
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const current = unitAt(e.target);
    if (NAV_KEYS.has(e.key)) {
      const next = nextFocus(navPoints, current?.focusable ? current.a3 : stop, e.key as NavKey);
      e.preventDefault();
      if (next) focusUnit(next);
    } else if ((e.key === 'Enter' || e.key === ' ') && current?.focusable && current.iso2 !== null) {
      e.preventDefault();
      onSelect(current.iso2);
    } else if (e.key === 'Escape' && state.selected !== null) {
      e.preventDefault();
      onSelect(null);
    } else if (e.key === '+' || e.key === '=') {
      zoom.zoomTo(zoomBy(zoom.current(), ZOOM_STEP));
    } else if (e.key === '-' || e.key === '_') {
      zoom.zoomTo(zoomBy(zoom.current(), 1 / ZOOM_STEP));
    } else if (e.key === '0') {
      zoom.zoomTo(ZOOM_IDENTITY);
    }
  };

  const onPointerMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return; // a tap selects; there is no hover on touch screens
    const u = pick(e);
    const box = containerRef.current?.getBoundingClientRect();
    if (!u || !box) {
      if (hover) setHover(null);
      return;
    }
    setHover({ a3: u.a3, x: e.clientX - box.left, y: e.clientY - box.top });
  };

  const hoveredCode = hover ? (byA3.get(hover.a3)?.iso2 ?? null) : null;
  const onHoverRef = useRef(onHover);
  onHoverRef.current = onHover;
  useEffect(() => {
    onHoverRef.current?.(hoveredCode);
  }, [hoveredCode]);

  const onFocusIn = (e: FocusEvent): void => {
    const u = unitAt(e.target);
    if (!u?.focusable) return;
    setTabStop(u.a3);
    // A click also focuses the country; only keyboard focus gets the ring (as :focus-visible would).
    setFocused((e.target as Element).matches?.(':focus-visible') === false ? null : u.a3);
  };
  const onFocusOut = (e: FocusEvent): void => {
    if (!svgRef.current?.contains(e.relatedTarget as Node | null)) setFocused(null);
  };

  let tip: JSX.Element | null = null;
  const tipUnit = hover ? byA3.get(hover.a3) : focused ? byA3.get(focused) : undefined;
  if (tipUnit) {
    const geo = layout.byA3.get(tipUnit.a3);
    const [x, y] = hover
      ? [hover.x, hover.y]
      : [(t.k * (geo?.x ?? 0) + t.x) * ppu, (t.k * (geo?.y ?? 0) + t.y) * ppu];
    tip = <MapTooltip unit={tipUnit} styles={state.styles} x={x} y={y} width={screenWidth} />;
  }

  const step = (factor: number | null) => (): void =>
    zoom.zoomTo(factor === null ? ZOOM_IDENTITY : zoomBy(zoom.current(), factor));

  return (
    <div
      ref={containerRef}
      class={`${prefix}-worldmap${props.class ? ` ${props.class}` : ''}`}
      // On the wrapper, not the <svg>: Chromium makes an SVG element with focus listeners a tab stop.
      onFocusIn={onFocusIn}
      onFocusOut={onFocusOut}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names the map */}
      <svg
        ref={svgRef}
        class={`${prefix}-map`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={labels.map}
        aria-describedby={instructionsId}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          tap.current = null;
        }}
      >
        {/* No <style> here: the page's CSP refuses inline styles; the rules come from map.generated.css. */}
        <Layer node={layers.defs} />
        <g class={String(layers.zoom.attrs.class)} transform={String(layers.zoom.attrs.transform)}>
          {layers.zoom.children.map((child, i) =>
            typeof child === 'string' ? child : <Layer key={child.attrs.class ?? i} node={child} />,
          )}
        </g>
      </svg>
      <p id={instructionsId} class={`${prefix}-sr`}>
        {labels.instructions}
      </p>
      <ZoomButtons
        prefix={prefix}
        labels={labels}
        onZoomIn={step(ZOOM_STEP)}
        onZoomOut={step(1 / ZOOM_STEP)}
        onReset={step(null)}
      />
      {tip}
    </div>
  );
}
