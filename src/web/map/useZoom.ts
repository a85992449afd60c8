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

// d3-zoom on the map's <svg>: wheel, drag, pinch and double-click, plus animated steps for the buttons.
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

export function useZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  width: number,
  height: number,
  zoom: ZoomState | undefined,
  onZoom: ((zoom: ZoomState) => void) | undefined,
): ZoomControls {
  const [transform, setTransform] = useState<ZoomTransform>(() =>
    zoomToTransform(zoom ?? ZOOM_IDENTITY, width, height),
  );
  const [settledK, setSettledK] = useState(transform.k);
  const animating = useRef(false);
  const behaviorRef = useRef<Behavior | null>(null);
  const onZoomRef = useRef(onZoom);
  onZoomRef.current = onZoom;
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const frame = useRef(0);

  const apply = (z: ZoomState): void => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (!svg || !behavior) return;
    const t = zoomToTransform(z, width, height);
    behavior.transform(select(svg), zoomIdentity.translate(t.x, t.y).scale(t.k));
  };

  const current = (): ZoomState => {
    const svg = svgRef.current;
    if (!svg) return normalizeZoom(zoom ?? ZOOM_IDENTITY);
    const t = zoomTransform(svg);
    return transformToZoom({ k: t.k, x: t.x, y: t.y }, width, height);
  };

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const sel = select(svg);
    const behavior: Behavior = d3zoom<SVGSVGElement, unknown>()
      .extent([
        [0, 0],
        [width, height],
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
        onZoomRef.current?.(transformToZoom(event.transform, width, height));
      });
    sel.call(behavior);
    behaviorRef.current = behavior;
    const t = zoomToTransform(zoomRef.current ?? ZOOM_IDENTITY, width, height);
    behavior.transform(sel, zoomIdentity.translate(t.x, t.y).scale(t.k));
    svg.style.touchAction = t.k > 1 ? 'none' : 'pan-y';
    return () => {
      cancelAnimationFrame(frame.current);
      sel.on('.zoom', null);
      behaviorRef.current = null;
    };
  }, [width, height]);

  // The page moved the map (URL restored, Back pressed).
  useEffect(() => {
    if (zoom && !sameZoom(zoom, current())) {
      cancelAnimationFrame(frame.current);
      apply(zoom);
    }
  }, [zoom?.k, zoom?.x, zoom?.y, width, height]);

  const zoomTo = (target: ZoomState): void => {
    const to = normalizeZoom(target);
    const from = current();
    cancelAnimationFrame(frame.current);
    if (prefersReducedMotion() || sameZoom(from, to)) {
      apply(to);
      onZoomRef.current?.(to);
      return;
    }
    const start = performance.now();
    animating.current = true;
    const step = (now: number): void => {
      const p = Math.min(1, (now - start) / DURATION);
      animating.current = p < 1;
      apply(p < 1 ? interpolateZoom(from, to, p) : to);
      if (p < 1) frame.current = requestAnimationFrame(step);
      else onZoomRef.current?.(to);
    };
    frame.current = requestAnimationFrame(step);
  };

  return { transform, settledK, zoomTo, current };
}
