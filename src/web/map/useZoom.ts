import { select } from 'd3-selection';
import { type D3ZoomEvent, zoom as d3zoom, type ZoomBehavior, zoomIdentity, zoomTransform } from 'd3-zoom';
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  interpolateZoom,
  MAX_ZOOM,
  MIN_ZOOM,
  normalizeZoom,
  sameZoom,
  transformToZoom,
  ZOOM_IDENTITY,
  type ZoomState,
  type ZoomTransform,
  zoomToTransform,
} from './zoom.ts';

// d3-zoom on the map's <svg>: wheel, drag, pinch, double-click and double-tap, plus animated steps for the
// buttons.
// The page holds the zoom (for the URL): it hears of a change once a gesture ends, and a new `zoom` prop moves
// the map. In between, the gesture's frames stay local, so the URL is not rewritten sixty times a second.

export type ZoomControls = {
  transform: ZoomTransform;
  /** Scale of the last view the map came to rest at (patterns are redrawn for it, not for every frame). */
  settledK: number;
  /** Animated (unless the reader prefers reduced motion) move to a view. */
  zoomTo: (target: ZoomState) => void;
  /** The current view, size-independent. */
  current: () => ZoomState;
};

const DURATION = 250;

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true
  );
}

type Behavior = ZoomBehavior<SVGSVGElement, unknown>;

/**
 * The map's box when it is taller than the layout's 2:1 (a phone in portrait): the height it shows at zoom 1,
 * in user units (the world is letterboxed in it), and the view that fills it ("home": what the whole-world
 * view means on this screen; the URL keeps no zoom for it, and Reset returns to it).
 */
export type ZoomFrame = { visibleHeight: number; home: ZoomState };

const isIdentity = (z: ZoomState | undefined): boolean => z === undefined || sameZoom(z, ZOOM_IDENTITY);

export function useZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  width: number,
  height: number,
  zoom: ZoomState | undefined,
  onZoom: ((zoom: ZoomState) => void) | undefined,
  frame: ZoomFrame = { visibleHeight: height, home: ZOOM_IDENTITY },
): ZoomControls {
  const home = frame.home;
  /** The page's "whole world" is this screen's home view. */
  const resolve = (z: ZoomState | undefined): ZoomState => (isIdentity(z) ? home : z!);
  /** And back: the home view is reported as no zoom at all. */
  const report = (z: ZoomState): ZoomState => (sameZoom(z, home) ? ZOOM_IDENTITY : z);
  const [transform, setTransform] = useState<ZoomTransform>(() =>
    zoomToTransform(resolve(zoom), width, height),
  );
  const [settledK, setSettledK] = useState(transform.k);
  const animating = useRef(false);
  const behaviorRef = useRef<Behavior | null>(null);
  const onZoomRef = useRef(onZoom);
  onZoomRef.current = onZoom;
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const animation = useRef(0);
  const reportRef = useRef(report);
  const zoomToRef = useRef<(target: ZoomState) => void>(() => {});
  reportRef.current = report;

  const apply = (z: ZoomState): void => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (!svg || !behavior) return;
    const t = zoomToTransform(z, width, height);
    behavior.transform(select(svg), zoomIdentity.translate(t.x, t.y).scale(t.k));
  };

  const current = (): ZoomState => {
    const svg = svgRef.current;
    if (!svg) return normalizeZoom(resolve(zoom));
    const t = zoomTransform(svg);
    return transformToZoom({ k: t.k, x: t.x, y: t.y }, width, height);
  };

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const sel = select(svg);
    // What the box shows at zoom 1: the layout, plus the letterbox bands above and below on a tall box.
    const pad = Math.max(0, (frame.visibleHeight - height) / 2);
    const behavior: Behavior = d3zoom<SVGSVGElement, unknown>()
      .extent([
        [0, -pad],
        [width, height + pad],
      ])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .filter((event: Event) => {
        // At world scale one finger scrolls the page (a phone reader is usually scrolling past); two pinch.
        if (event.type === 'touchstart' && (event as TouchEvent).touches.length < 2)
          return zoomTransform(svg).k > 1;
        const e = event as MouseEvent;
        return (!e.ctrlKey || event.type === 'wheel') && !e.button;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        const t = event.transform;
        svg.style.touchAction = t.k > 1 ? 'none' : 'pan-y';
        setTransform({ k: t.k, x: t.x, y: t.y });
        if (!event.sourceEvent && !animating.current) setSettledK(t.k);
      })
      .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (!event.sourceEvent) return;
        setSettledK(event.transform.k);
        onZoomRef.current?.(reportRef.current(transformToZoom(event.transform, width, height)));
      });
    sel.call(behavior);
    // A double click or a double tap (d3-zoom reroutes it here) zooms in about that point (out with Shift),
    // animated by zoomTo rather than a d3 transition (the page's bundle has none: noTransition.ts).
    sel.on('dblclick.zoom', (event: MouseEvent | TouchEvent) => {
      const at = 'changedTouches' in event ? event.changedTouches[0] : event;
      const ctm = svg.getScreenCTM();
      if (!at || !ctm) return;
      event.preventDefault();
      const v = new DOMPoint(at.clientX, at.clientY).matrixTransform(ctm.inverse());
      const t = zoomTransform(svg);
      const [px, py] = [(v.x - t.x) / t.k / width, (v.y - t.y) / t.k / height];
      const from = transformToZoom({ k: t.k, x: t.x, y: t.y }, width, height);
      const f = 'shiftKey' in event && event.shiftKey ? 0.5 : 2;
      zoomToRef.current({ k: from.k * f, x: px + (from.x - px) / f, y: py + (from.y - py) / f });
    });
    behaviorRef.current = behavior;
    const t = zoomToTransform(resolve(zoomRef.current), width, height);
    behavior.transform(sel, zoomIdentity.translate(t.x, t.y).scale(t.k));
    setSettledK(t.k);
    svg.style.touchAction = t.k > 1 ? 'none' : 'pan-y';
    return () => {
      cancelAnimationFrame(animation.current);
      sel.on('.zoom', null);
      behaviorRef.current = null;
    };
  }, [width, height, frame.visibleHeight, home.k, home.x, home.y]);

  // The page moved the map (URL restored, Back pressed).
  useEffect(() => {
    const target = resolve(zoom);
    if (zoom && !sameZoom(target, current())) {
      cancelAnimationFrame(animation.current);
      apply(target);
    }
  }, [zoom?.k, zoom?.x, zoom?.y, width, height]);

  const zoomTo = (target: ZoomState): void => {
    const to = normalizeZoom(resolve(target));
    const from = current();
    cancelAnimationFrame(animation.current);
    if (prefersReducedMotion() || sameZoom(from, to)) {
      apply(to);
      onZoomRef.current?.(report(to));
      return;
    }
    const start = performance.now();
    animating.current = true;
    const step = (now: number): void => {
      const p = Math.min(1, (now - start) / DURATION);
      animating.current = p < 1;
      apply(p < 1 ? interpolateZoom(from, to, p) : to);
      if (p < 1) animation.current = requestAnimationFrame(step);
      else onZoomRef.current?.(report(to));
    };
    animation.current = requestAnimationFrame(step);
  };

  zoomToRef.current = zoomTo;
  return { transform, settledK, zoomTo, current };
}
