import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance.ts';

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['mexico', 'mexico', 0],
    ['meixco', 'mexico', 1], // transposition
    ['mongoila', 'mongolia', 1],
    ['uniter states america', 'united states america', 1], // substitution
    ['niger', 'nigeria', 2], // insertions
    ['nigeria', 'niger', 2], // deletions
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3], // OSA does not edit a transposed pair again
    ['kitten', 'sitting', 3],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early above the bound but never reports a distance within it wrongly', () => {
    expect(editDistance('australia', 'austria', 1)).toBe(2);
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
    // A transposition two rows back must still count after a row whose minimum is over the bound.
    expect(editDistance('abcd', 'bacd', 1)).toBe(1);
  });
});
