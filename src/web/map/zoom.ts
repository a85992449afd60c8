// Zoom as the page keeps it (in the URL): size-independent, so a link opens the same view on a phone and a
// desktop. `k` is the scale; `x`, `y` is the point of the map at the centre of the view, as a fraction of the
// map's width and height ({k: 1, x: 0.5, y: 0.5} is the whole world).

export type ZoomState = { k: number; x: number; y: number };

/** d3-zoom's transform: screen = k * point + (x, y), in px. */
export type ZoomTransform = { k: number; x: number; y: number };

export const ZOOM_IDENTITY: ZoomState = Object.freeze({ k: 1, x: 0.5, y: 0.5 });
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 16;
/** Factor of one press of a zoom button or key. */
export const ZOOM_STEP = 1.6;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f + 0;
};

/** Clamps into the allowed scale and keeps the view inside the map; rounds for a short, stable URL. */
export function normalizeZoom(z: ZoomState): ZoomState {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(z.k) ? z.k : 1));
  const half = 0.5 / k;
  const clamp = (v: number): number => Math.min(1 - half, Math.max(half, Number.isFinite(v) ? v : 0.5));
  return { k: round(k, 3), x: round(clamp(z.x), 4), y: round(clamp(z.y), 4) };
}

export function zoomToTransform(z: ZoomState, width: number, height: number): ZoomTransform {
  const n = normalizeZoom(z);
  return { k: n.k, x: width / 2 - n.k * n.x * width, y: height / 2 - n.k * n.y * height };
}

export function transformToZoom(t: ZoomTransform, width: number, height: number): ZoomState {
  return normalizeZoom({ k: t.k, x: (width / 2 - t.x) / t.k / width, y: (height / 2 - t.y) / t.k / height });
}

export function sameZoom(a: ZoomState, b: ZoomState): boolean {
  const na = normalizeZoom(a);
  const nb = normalizeZoom(b);
  return na.k === nb.k && na.x === nb.x && na.y === nb.y;
}

/** The zoom after one step in (factor > 1) or out about the centre of the view. */
export function zoomBy(z: ZoomState, factor: number): ZoomState {
  return normalizeZoom({ ...z, k: z.k * factor });
}

/** Intermediate views of an animated zoom, t in [0, 1]; scale moves geometrically so it feels even. */
export function interpolateZoom(a: ZoomState, b: ZoomState, t: number): ZoomState {
  const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
  return {
    k: a.k * (b.k / a.k) ** e,
    x: a.x + (b.x - a.x) * e,
    y: a.y + (b.y - a.y) * e,
  };
}
