import { describe, expect, it } from 'vitest';
import { INHABITED_BOTTOM, INHABITED_TOP, LAYOUT_HEIGHT } from './layout.ts';
import { mapProjection } from './project.ts';

describe('the inhabited band a tall (phone) map zooms to', () => {
  it('is 72°N to 56°S in layout units, as the projection places them', () => {
    const p = mapProjection();
    expect(INHABITED_TOP).toBeCloseTo(p([0, 72])![1], -0.5);
    expect(INHABITED_BOTTOM).toBeCloseTo(p([0, -56])![1], -0.5);
    expect(INHABITED_TOP).toBeGreaterThan(0);
    expect(INHABITED_BOTTOM).toBeLessThan(LAYOUT_HEIGHT);
  });
});
