import { describe, expect, it } from 'vitest';
import { labelledYears } from './yearLabels.ts';

const gaps = (set: Set<number>, band: number): number[] => {
  const xs = [...set].sort((a, b) => a - b).map((i) => i * band);
  return xs.slice(1).map((x, i) => x - xs[i]!);
};

describe('labelledYears', () => {
  it('labels every year when there is room (the seed: 18 years)', () => {
    expect([...labelledYears(18, 31)]).toHaveLength(18);
  });

  it.each([
    [58, 9.6],
    [18, 12],
    [120, 4.6],
    [7, 29],
    [2, 5],
  ])('%i years %f apart: the last is labelled and no two labels are closer than 30', (count, band) => {
    const set = labelledYears(count, band);
    expect(set.has(count - 1)).toBe(true);
    for (const g of gaps(set, band)) expect(g).toBeGreaterThanOrEqual(30);
  });

  it('no bars, no labels; one bar, its label', () => {
    expect(labelledYears(0, 10).size).toBe(0);
    expect([...labelledYears(1, 10)]).toEqual([0]);
  });
});
