import { describe, expect, it } from 'vitest';
import { chunkSizes } from './batch.ts';

describe('chunkSizes', () => {
  it('splits into full chunks, then descending powers of two, covering every row once', () => {
    expect(chunkSizes(0, 1000)).toEqual([]);
    expect(chunkSizes(1, 1000)).toEqual([1]);
    expect(chunkSizes(2512, 1000)).toEqual([1000, 1000, 512]);
    expect(chunkSizes(2500, 1000)).toEqual([1000, 1000, 256, 128, 64, 32, 16, 4]);
    expect(chunkSizes(2999, 1000)).toEqual([1000, 1000, 512, 256, 128, 64, 32, 4, 2, 1]);
    expect(chunkSizes(7, 3)).toEqual([3, 3, 1]);
    for (const [total, size] of [
      [100_000, 1000],
      [4321, 1000],
      [12_345, 1820],
      [5, 1],
    ] as const) {
      const sizes = chunkSizes(total, size);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(sizes.every((s) => s <= size)).toBe(true);
      // A bounded set of statement shapes, whatever the total: full size plus powers of two below it.
      expect(sizes.every((s) => s === size || Number.isInteger(Math.log2(s)))).toBe(true);
    }
  });
});
