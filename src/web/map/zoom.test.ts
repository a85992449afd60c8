import { describe, expect, it } from 'vitest';
import {
  interpolateZoom,
  MAX_ZOOM,
  normalizeZoom,
  sameZoom,
  transformToZoom,
  ZOOM_IDENTITY,
  zoomBy,
  zoomToTransform,
} from './zoom.ts';

describe('zoom state', () => {
  it('maps the whole world to the identity transform at any size', () => {
    expect(zoomToTransform(ZOOM_IDENTITY, 1000, 500)).toEqual({ k: 1, x: 0, y: 0 });
    expect(zoomToTransform(ZOOM_IDENTITY, 375, 188)).toEqual({ k: 1, x: 0, y: 0 });
  });

  it('round-trips between the URL form and d3 transforms, independent of size', () => {
    const z = { k: 4, x: 0.7, y: 0.4 };
    const big = zoomToTransform(z, 1200, 600);
    expect(big).toEqual({ k: 4, x: 600 - 4 * 0.7 * 1200, y: 300 - 4 * 0.4 * 600 });
    expect(transformToZoom(big, 1200, 600)).toEqual(z);
    expect(transformToZoom(zoomToTransform(z, 375, 188), 375, 188)).toEqual(z);
  });

  it('clamps scale and keeps the view on the map, rounding for a short URL', () => {
    expect(normalizeZoom({ k: 0.2, x: 0.1, y: 0.9 })).toEqual(ZOOM_IDENTITY);
    expect(normalizeZoom({ k: 1000, x: 0.5, y: 0.5 }).k).toBe(MAX_ZOOM);
    expect(normalizeZoom({ k: 2, x: 0.01, y: 0.99 })).toEqual({ k: 2, x: 0.25, y: 0.75 });
    expect(normalizeZoom({ k: 2.123456, x: 0.333333, y: Number.NaN })).toEqual({
      k: 2.123,
      x: 0.3333,
      y: 0.5,
    });
    expect(sameZoom({ k: 1.00001, x: 0.5, y: 0.50001 }, ZOOM_IDENTITY)).toBe(true);
    expect(sameZoom({ k: 2, x: 0.5, y: 0.5 }, ZOOM_IDENTITY)).toBe(false);
  });

  it('steps in and out about the centre of the view', () => {
    expect(zoomBy({ k: 2, x: 0.6, y: 0.4 }, 2)).toEqual({ k: 4, x: 0.6, y: 0.4 });
    expect(zoomBy({ k: 2, x: 0.7, y: 0.3 }, 0.5)).toEqual(ZOOM_IDENTITY);
  });

  it('animates from start to end', () => {
    const a = { k: 1, x: 0.5, y: 0.5 };
    const b = { k: 4, x: 0.7, y: 0.3 };
    expect(interpolateZoom(a, b, 0)).toEqual(a);
    expect(interpolateZoom(a, b, 1)).toEqual(b);
    expect(interpolateZoom(a, b, 0.5).k).toBeCloseTo(2, 6);
  });
});
