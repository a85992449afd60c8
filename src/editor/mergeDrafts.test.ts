import { describe, expect, it } from 'vitest';
import { fieldState, mergeDrafts } from './mergeDrafts.ts';

// The merge view's rules, without a browser: which fields conflict, and what is saved for each choice.

const loaded = { date: 'Aug 2015', title: '', summary: 'S', multilateral: false, status: 'unknown' };

describe('merging a draft with their version', () => {
  it('tells a conflict from a change by one side, and from the same change by both', () => {
    expect(fieldState('a', 'b', 'c')).toBe('conflict');
    expect(fieldState('a', 'a', 'c')).toBe('theirs');
    expect(fieldState('a', 'b', 'a')).toBe('yours');
    expect(fieldState('a', 'b', 'b')).toBe('same');
    expect(fieldState('a', 'a', 'a')).toBe('same');
    expect(fieldState(false, true, false)).toBe('yours');
  });

  it('takes theirs where only they changed, keeps yours where only you did, and follows each choice', () => {
    const yours = { ...loaded, date: 'Jan 2017', title: 'Mine', multilateral: true };
    const theirs = { ...loaded, date: 'Mar 2016', summary: 'Theirs', status: 'signed' };
    expect(mergeDrafts(loaded, yours, theirs, { date: 'theirs' })).toEqual({
      date: 'Mar 2016',
      title: 'Mine',
      summary: 'Theirs',
      multilateral: true,
      status: 'signed',
    });
    expect(mergeDrafts(loaded, yours, theirs, { date: 'yours' }).date).toBe('Jan 2017');
    // A choice for a field that is no conflict changes nothing.
    expect(mergeDrafts(loaded, yours, theirs, { date: 'yours', summary: 'yours' }).summary).toBe('Theirs');
  });
});
