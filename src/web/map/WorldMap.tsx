import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { CountryCode } from '../../core/ids.ts';
import { englishWorldMapLabels, type WorldMapLabels } from './labels.ts';
import type { MapLayout } from './layout.ts';
import { MapTooltip } from './MapTooltip.tsx';
import { buildMapLayers } from './mapTree.ts';
import { nearestMarker } from './markers.ts';
import { NAV_KEYS, type NavKey, nextFocus } from './navigation.ts';
import type { MapState, MapUnitState } from './state.ts';
import type { MapTheme } from './theme.ts';
import { Layer } from './toPreact.ts';
import { useContainerWidth } from './useContainerWidth.ts';
import { useZoom } from './useZoom.ts';
import { ZoomButtons } from './ZoomButtons.tsx';
import { ZOOM_IDENTITY, ZOOM_STEP, type ZoomState, zoomBy } from './zoom.ts';

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
  const zoom = useZoom(svgRef, width, height, props.zoom, props.onZoom);
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

  // Opening a country elsewhere (search, table) makes it the map's tab stop.
  useEffect(() => {
    if (selectedUnit) setTabStop(selectedUnit.a3);
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
    if (
      target?.closest?.(`.${prefix}-marker, .${prefix}-marker-hit`) ||
      u?.role === 'partner' ||
      u?.focusable
    )
      return u;
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return u;
    const scale = width / box.width;
    const near = nearestMarker(
      layers.markers,
      t,
      (e.clientX - box.left) * scale,
      (e.clientY - box.top) * scale,
      12 / ppu,
    );
    return near?.unit ?? u;
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
    open(
      pick({
        target: document.elementFromPoint(e.clientX, e.clientY),
        clientX: e.clientX,
        clientY: e.clientY,
      }),
    );
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
