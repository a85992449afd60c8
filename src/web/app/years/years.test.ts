import { describe, expect, it } from 'vitest';
import { testDataset } from '../../../core/testing/fixtures.ts';
import {
  effectiveRange,
  isFullRange,
  moveRangeEnd,
  playStart,
  playStep,
  rangeToState,
  undatedParts,
  yearDomain,
} from './years.ts';

const dated = (
  category: string,
  year: number | null,
): { category: string; date: { text: string; year: number | null; month: null; day: null } } => ({
  category,
  date: { text: year === null ? '' : String(year), year, month: null, day: null },
});

describe('timeline years', () => {
  const domain = { min: 2000, max: 2017 };

  it('spans the dated agreements and ignores undated ones', () => {
    expect(
      yearDomain([dated('mou', 2015), dated('mlat', null), dated('mou', 2000), dated('mou', 2017)]),
    ).toEqual(domain);
    expect(yearDomain([dated('mlat', null)])).toBeNull();
  });

  it('fills open ends from the domain and clamps years outside it', () => {
    expect(effectiveRange(null, null, domain)).toEqual({ from: 2000, to: 2017 });
    expect(effectiveRange(1990, 2030, domain)).toEqual({ from: 2000, to: 2017 });
    expect(effectiveRange(2012, null, domain)).toEqual({ from: 2012, to: 2017 });
    expect(isFullRange(effectiveRange(null, null, domain), domain)).toBe(true);
    expect(isFullRange({ from: 2001, to: 2017 }, domain)).toBe(false);
  });

  it('stores ends at the edge of the domain as open', () => {
    expect(rangeToState({ from: 2000, to: 2017 }, domain)).toEqual({ from: null, to: null });
    expect(rangeToState({ from: 2004, to: 2017 }, domain)).toEqual({ from: 2004, to: null });
    expect(rangeToState({ from: 2000, to: 2010 }, domain)).toEqual({ from: null, to: 2010 });
  });

  it('pushes the other thumb instead of crossing it', () => {
    const r = { from: 2005, to: 2010 };
    expect(moveRangeEnd(r, 'from', 2012, domain)).toEqual({ from: 2012, to: 2012 });
    expect(moveRangeEnd(r, 'to', 2003, domain)).toEqual({ from: 2003, to: 2003 });
    expect(moveRangeEnd(r, 'to', 2099, domain)).toEqual({ from: 2005, to: 2017 });
    expect(moveRangeEnd(r, 'from', 2007.6, domain)).toEqual({ from: 2008, to: 2010 });
  });

  it('plays year by year from the start of the range to the end of the domain', () => {
    let r: { from: number; to: number } | null = playStart({ from: 2014, to: 2017 }, domain);
    expect(r).toEqual({ from: 2014, to: 2014 });
    const seen: number[] = [];
    while (r !== null) {
      seen.push(r.to);
      r = playStep(r, domain);
    }
    expect(seen).toEqual([2014, 2015, 2016, 2017]);
    expect(playStart({ from: 2017, to: 2017 }, domain)).toEqual({ from: 2000, to: 2000 });
    expect(playStart({ from: 2003, to: 2009 }, domain)).toEqual({ from: 2003, to: 2009 });
  });

  it('says which categories have undated agreements, and whether all of them are', () => {
    const parts = undatedParts(
      [
        dated('mlat', null),
        dated('mlat', null),
        dated('mou', null),
        dated('mou', 2015),
        dated('framework', 2016),
      ],
      testDataset.categories,
    );
    expect(parts.map((p) => [p.category.id, p.all, p.count])).toEqual([
      ['mlat', true, 2],
      ['mou', false, 1],
    ]);
  });
});
