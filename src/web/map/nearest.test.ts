import { describe, expect, it } from 'vitest';
import { distanceTo, nearestOutline, outlineOf } from './nearest.ts';

describe('nearest outline (what a tap meant)', () => {
  // Two squares 10 units wide, 6 apart, in the layout's relative path form.
  const a = outlineOf('M0 0l10 0l0 10l-10 0z');
  const b = outlineOf('M16 0l10 0l0 10l-10 0z');

  it('reads relative and absolute path data into rings with a bounding box', () => {
    expect(a.rings).toEqual([[0, 0, 10, 0, 10, 10, 0, 10]]);
    expect(b.box).toEqual([16, 0, 26, 10]);
    expect(outlineOf('M1 1L5 1L5 5z M9 9l1 0l0 1z').rings).toHaveLength(2);
    expect(outlineOf('M3 4l2-1l-1-2z').rings[0]).toEqual([3, 4, 5, 3, 4, 1]);
  });

  it('measures 0 inside, and to the nearest edge outside (holes count as outside)', () => {
    expect(distanceTo(a, 5, 5)).toBe(0);
    expect(distanceTo(a, 12, 5)).toBe(2);
    expect(distanceTo(a, 13, 14)).toBe(5);
    const ring = outlineOf('M0 0l20 0l0 20l-20 0z M5 5l10 0l0 10l-10 0z');
    expect(distanceTo(ring, 10, 10)).toBe(5);
    expect(distanceTo(ring, 2, 2)).toBe(0);
  });

  it('picks the nearest shape within the radius, not the larger or the first one', () => {
    const shapes: [string, ReturnType<typeof outlineOf>][] = [
      ['A', a],
      ['B', b],
    ];
    expect(nearestOutline(shapes, 12, 5, 12)?.key).toBe('A');
    expect(nearestOutline(shapes, 14, 5, 12)?.key).toBe('B');
    expect(nearestOutline(shapes, 20, 5, 12)).toEqual({ key: 'B', distance: 0 });
    expect(nearestOutline(shapes, 50, 5, 12)).toBeUndefined();
  });
});
