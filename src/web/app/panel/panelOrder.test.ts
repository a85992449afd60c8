import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../../../core/schemas.ts';
import { inDateOrder } from './panelOrder.ts';

const d = (year: number | null, month: number | null = null, day: number | null = null): PartialDate => ({
  year,
  month,
  day,
  text: '',
});

describe('inDateOrder', () => {
  it('puts the US example (March 2017, July 2011, January 2017) oldest first', () => {
    const items = [
      { id: 'a', date: d(2017, 3) },
      { id: 'b', date: d(2011, 7) },
      { id: 'c', date: d(2017, 1) },
    ];
    expect(inDateOrder(items).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });

  it('keeps undated agreements last, in their document order, and a year before a date within it', () => {
    const items = [
      { id: 'u1', date: d(null) },
      { id: 'y', date: d(2015) },
      { id: 'u2', date: d(null) },
      { id: 'x', date: d(2014, 12, 31) },
      { id: 'z', date: d(2015, 6, 1) },
    ];
    const ids = inDateOrder(items).map((x) => x.id);
    expect(ids.slice(0, 3)).toEqual(['x', 'y', 'z']);
    expect(ids.slice(3)).toEqual(['u1', 'u2']);
  });
});
