import { describe, expect, it } from 'vitest';
import { geographicOrder, type NavPoint, nextFocus } from './navigation.ts';

const points: NavPoint[] = [
  { key: 'FRA', anchor: [2.5, 47] },
  { key: 'BRA', anchor: [-52, -10] },
  { key: 'NOR', anchor: [10, 61] },
  { key: 'ZAF', anchor: [25, -29] },
  { key: 'FIN', anchor: [26, 64] },
  { key: 'JPN', anchor: [138, 36] },
  { key: 'USA', anchor: [-98, 39] },
];
const order = geographicOrder(points);
const ordered = order.map((k) => points.find((p) => p.key === k)!);

describe('geographicOrder', () => {
  it('goes west to east, ties south to north', () => {
    expect(order).toEqual(['USA', 'BRA', 'FRA', 'NOR', 'ZAF', 'FIN', 'JPN']);
    expect(
      geographicOrder([
        { key: 'B', anchor: [0, 10] },
        { key: 'A', anchor: [0, -10] },
      ]),
    ).toEqual(['A', 'B']);
  });
});

describe('nextFocus', () => {
  it('steps left and right through the order and stops at the ends', () => {
    expect(nextFocus(ordered, 'FRA', 'ArrowRight')).toBe('NOR');
    expect(nextFocus(ordered, 'FRA', 'ArrowLeft')).toBe('BRA');
    expect(nextFocus(ordered, 'JPN', 'ArrowRight')).toBe('JPN');
    expect(nextFocus(ordered, 'USA', 'ArrowLeft')).toBe('USA');
  });

  it('visits every country when Right is pressed from Home', () => {
    let k = nextFocus(ordered, null, 'Home');
    const seen = [k];
    for (let i = 0; i < ordered.length; i++) {
      k = nextFocus(ordered, k, 'ArrowRight');
      seen.push(k);
    }
    expect(new Set(seen)).toEqual(new Set(order));
  });

  it('goes up and down to the nearest country in that direction', () => {
    expect(nextFocus(ordered, 'ZAF', 'ArrowUp')).toBe('FRA');
    expect(nextFocus(ordered, 'FRA', 'ArrowUp')).toBe('NOR');
    expect(nextFocus(ordered, 'NOR', 'ArrowDown')).toBe('FRA');
    expect(nextFocus(ordered, 'USA', 'ArrowDown')).toBe('BRA');
    expect(nextFocus(ordered, 'FIN', 'ArrowUp')).toBe('FIN');
  });

  it('goes to the ends with Home and End, and starts somewhere sensible', () => {
    expect(nextFocus(ordered, 'FRA', 'Home')).toBe('USA');
    expect(nextFocus(ordered, 'FRA', 'End')).toBe('JPN');
    expect(nextFocus(ordered, null, 'ArrowRight')).toBe('USA');
    expect(nextFocus(ordered, 'gone', 'ArrowLeft')).toBe('JPN');
    expect(nextFocus([], null, 'Home')).toBeNull();
  });
});
