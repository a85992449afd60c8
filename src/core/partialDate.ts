import type { PartialDate } from './schemas.ts';

// Dates in research sheets are as precise as the source: "Aug 2015", "March 2016", "2016", "2016-03-10",
// an Excel serial number, or "May 29" with the year lost. The original text is always kept.

export type DateParse = { date: PartialDate; warning?: string; error?: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

export const UNKNOWN_DATE: PartialDate = Object.freeze({ text: '', year: null, month: null, day: null });

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(text: string, year: number, month: number | null, day: number | null): DateParse {
  const date: PartialDate = { text, year, month, day };
  if (year < 1000 || year > 9999)
    return { date: { ...UNKNOWN_DATE, text }, error: `year ${year} is not a four-digit year` };
  if (month !== null && (month < 1 || month > 12)) {
    return {
      date: { ...UNKNOWN_DATE, text },
      error: `"${text}" has month ${month}; months run from 1 to 12`,
    };
  }
  if (day !== null && month !== null && (day < 1 || day > daysInMonth(year, month))) {
    return {
      date: { ...UNKNOWN_DATE, text },
      error: `"${text}" is not a real date: ${year}-${String(month).padStart(2, '0')} has ${daysInMonth(year, month)} days`,
    };
  }
  return { date };
}

/** Converts an Excel serial day number (1900 date system) to a full date. */
export function fromExcelSerial(serial: number, text = String(serial)): DateParse {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  const d = new Date(ms);
  return build(text, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function parsePartialDate(input: string | number | Date | null | undefined): DateParse {
  if (input === null || input === undefined) return { date: { ...UNKNOWN_DATE } };
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime()))
      return { date: { ...UNKNOWN_DATE }, error: 'the date cell holds an invalid date' };
    const iso = input.toISOString().slice(0, 10);
    return build(iso, input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  }
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= 1000 && input <= 9999)
      return build(String(input), input, null, null);
    if (input > 0 && input < 2958466) return fromExcelSerial(input);
    return { date: { ...UNKNOWN_DATE, text: String(input) }, error: `${input} is not a date` };
  }
  const text = input.trim();
  if (text === '') return { date: { ...UNKNOWN_DATE } };
  const t = text.replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;

  // ISO: 2015, 2015-08, 2015-08-01 (also with / or .)
  m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(t);
  if (m) return build(text, Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);

  // Month Year: "Aug 2015", "March 2016", "Sept. 2016", "Aug-2015", "Aug, 2015"
  m = /^([A-Za-z]+)\.?[\s,-]+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month) return build(text, Number(m[2]), month, null);
  }
  // Day Month Year: "1 Aug 2015", "1st August, 2015"
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?[\s,-]+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month) return build(text, Number(m[3]), month, Number(m[1]));
  }
  // Month Day, Year: "Aug 1, 2015"
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month) return build(text, Number(m[3]), month, Number(m[2]));
  }
  // Day/Month/Year as written in India and most of the world: 10/03/2016. Month-first is refused when it cannot be.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const parsed = build(text, Number(m[3]), b, a);
    if (a <= 12 && b <= 12 && a !== b) {
      return {
        ...parsed,
        warning: `"${text}" could be day/month or month/day; read as day/month. Write dates as YYYY-MM-DD to be sure`,
      };
    }
    return parsed;
  }
  // A month and a day with no year: "May 29", "29 May"
  m =
    /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(t) ??
    /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?$/.exec(t);
  if (m) {
    const month = MONTHS[(Number.isNaN(Number(m[1])) ? m[1]! : m[2]!).toLowerCase()];
    if (month) {
      return {
        date: { text, year: null, month: null, day: null },
        warning: `"${text}" has no year; the text is kept but the agreement is undated on the timeline. Add the year, e.g. "${text} 2015"`,
      };
    }
  }
  // A month alone or free text: keep it, undated.
  return {
    date: { text, year: null, month: null, day: null },
    warning: `"${text}" is not a date this tool can read; the text is kept but the agreement is undated. Use forms like "Aug 2015", "2015-08" or "2015-08-14"`,
  };
}

/** The ISO form of a partial date as precise as known: "2015", "2015-08", "2015-08-14" or "". */
export function formatPartialIso(d: PartialDate): string {
  if (d.year === null) return '';
  let s = String(d.year);
  if (d.month !== null) s += `-${String(d.month).padStart(2, '0')}`;
  if (d.month !== null && d.day !== null) s += `-${String(d.day).padStart(2, '0')}`;
  return s;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export function datePrecision(d: PartialDate): DatePrecision {
  if (d.year === null) return 'unknown';
  if (d.month === null) return 'year';
  return d.day === null ? 'month' : 'day';
}

/** A sortable number (yyyymmdd with zeros for unknown parts); undated sorts last. */
export function dateSortKey(d: PartialDate): number {
  if (d.year === null) return Number.MAX_SAFE_INTEGER;
  return d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
}

export function sameDate(a: PartialDate, b: PartialDate): boolean {
  return a.text === b.text && a.year === b.year && a.month === b.month && a.day === b.day;
}
