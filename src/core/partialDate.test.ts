import { describe, expect, it } from 'vitest';
import {
  datePrecision,
  dateSortKey,
  formatPartialIso,
  fromExcelSerial,
  parsePartialDate,
} from './partialDate.ts';

describe('parsePartialDate', () => {
  it.each([
    ['Aug 2015', 2015, 8, null],
    ['March 2016', 2016, 3, null],
    ['Apr 2017', 2017, 4, null],
    ['Sept 2016', 2016, 9, null],
    ['2016', 2016, null, null],
    ['2015-08', 2015, 8, null],
    ['2015-08-14', 2015, 8, 14],
    ['14 August 2015', 2015, 8, 14],
    ['Aug 14, 2015', 2015, 8, 14],
    ['25/12/2016', 2016, 12, 25],
  ])('reads "%s" as %s-%s-%s and keeps the text', (text, year, month, day) => {
    const r = parsePartialDate(text);
    expect(r.error).toBeUndefined();
    expect(r.date).toEqual({ text, year, month, day });
  });

  it('keeps "May 29" (no year) as text, undated, with a warning that says to add the year', () => {
    const r = parsePartialDate('May 29');
    expect(r.date).toEqual({ text: 'May 29', year: null, month: null, day: null });
    expect(r.warning).toMatch(/no year/);
    expect(r.error).toBeUndefined();
  });

  it('refuses impossible dates with an error naming the month length', () => {
    expect(parsePartialDate('2015-02-30').error).toMatch(/28 days/);
    expect(parsePartialDate('31 April 2016').error).toMatch(/30 days/);
    expect(parsePartialDate('2016-13').error).toMatch(/month 13/);
  });

  it('treats an empty cell as an unknown date without warnings', () => {
    expect(parsePartialDate('  ')).toEqual({ date: { text: '', year: null, month: null, day: null } });
    expect(parsePartialDate(null).date.year).toBeNull();
  });

  it('reads Excel serial numbers and Date objects from XLSX cells', () => {
    expect(fromExcelSerial(42230).date).toMatchObject({ year: 2015, month: 8, day: 14 });
    expect(parsePartialDate(42230).date).toMatchObject({ year: 2015, month: 8, day: 14 });
    expect(parsePartialDate(new Date(Date.UTC(2016, 2, 10))).date).toEqual({
      text: '2016-03-10',
      year: 2016,
      month: 3,
      day: 10,
    });
    expect(parsePartialDate(2016).date).toEqual({ text: '2016', year: 2016, month: null, day: null });
  });

  it('warns on ambiguous day/month order and on free text', () => {
    expect(parsePartialDate('03/04/2016').warning).toMatch(/day\/month/);
    expect(parsePartialDate('sometime in spring').warning).toMatch(/not a date/);
  });
});

describe('partial date helpers', () => {
  it('formats as precise as known and sorts undated last', () => {
    const aug = parsePartialDate('Aug 2015').date;
    const year = parsePartialDate('2015').date;
    const none = parsePartialDate('').date;
    expect([formatPartialIso(aug), formatPartialIso(year), formatPartialIso(none)]).toEqual([
      '2015-08',
      '2015',
      '',
    ]);
    expect([datePrecision(aug), datePrecision(year), datePrecision(none)]).toEqual([
      'month',
      'year',
      'unknown',
    ]);
    expect(dateSortKey(year)).toBeLessThan(dateSortKey(aug));
    expect(dateSortKey(aug)).toBeLessThan(dateSortKey(none));
  });
});
