import { describe, expect, it } from 'vitest';
import { formatList, formatNumber, formatPartialDate, formatTimestamp, messages, plural } from '../text.ts';

describe('text module', () => {
  it('chooses plural forms with Intl.PluralRules and formats the number', () => {
    const forms = { one: '# agreement', other: '# agreements' };
    expect(plural(1, forms)).toBe('1 agreement');
    expect(plural(0, forms)).toBe('0 agreements');
    expect(plural(2, forms)).toBe('2 agreements');
    expect(plural(12345, forms)).toBe('12,345 agreements');
    expect(plural(3, { other: '# items' })).toBe('3 items');
  });

  it('builds sentences with plurals from messages', () => {
    expect(messages.summaryLine(1, 1)).toBe('1 partner country · 1 agreement');
    expect(messages.summaryLine(56, 103)).toBe('56 partner countries · 103 agreements');
    expect(messages.cardUnit('partners', 39)).toBe('partner countries');
    expect(messages.cardUnit('records', 1)).toBe('agreement');
    expect(messages.chartUndated(1)).toBe('1 undated agreement is not in the chart.');
    expect(messages.undatedLeftOut(52)).toBe('52 undated agreements are left out of these years.');
    expect(messages.chartUndated(40)).toBe('40 undated agreements are not in the chart.');
    expect(messages.undatedNote([messages.undatedAll('MLAT'), messages.undatedSome('MoUs')])).toBe(
      'Undated agreements (all MLAT, some MoUs) are counted at the full span of years; a narrower range leaves them out.',
    );
  });

  it('formats dates as precisely as they are known', () => {
    expect(formatPartialDate({ text: '2015-08-14', year: 2015, month: 8, day: 14 })).toBe('August 14, 2015');
    expect(formatPartialDate({ text: 'Aug 2015', year: 2015, month: 8, day: null })).toBe('August 2015');
    expect(formatPartialDate({ text: '2016', year: 2016, month: null, day: null })).toBe('2016');
    expect(formatPartialDate({ text: 'May 29', year: null, month: null, day: null })).toBe('');
    expect(formatTimestamp('2026-01-02T23:30:00Z')).toBe('January 2, 2026');
    expect(formatTimestamp('soon')).toBe('soon');
  });

  it('formats numbers and lists with Intl', () => {
    expect(formatNumber(100000)).toBe('100,000');
    expect(formatList(['Singapore', 'France', 'Japan'])).toBe('Singapore, France, and Japan');
  });
});
