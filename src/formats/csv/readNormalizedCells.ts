import { type DateParse, parsePartialDate, UNKNOWN_DATE } from '../../core/partialDate.ts';
import { type PartialDate, type Status, StatusSchema } from '../../core/schemas.ts';
import { cellText } from '../cells.ts';
import type { Problems } from '../problems.ts';
import type { Cell } from '../types.ts';

// Field readers for the normalized table. Each reports a bad value at its line and column and says what to write.

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

export function readFlag(text: string, line: number, column: string, problems: Problems): boolean {
  const t = text.toLowerCase();
  if (TRUE.has(t)) return true;
  if (!FALSE.has(t))
    problems.error(
      line,
      column,
      `"${text}" is not true or false; write true or false (or leave it empty for false)`,
    );
  return false;
}

export function readStatus(text: string, line: number, problems: Problems): Status {
  const t = text.toLowerCase().replace(/[\s_]+/g, '-');
  if (t === '') return 'unknown';
  const parsed = StatusSchema.safeParse(t);
  if (parsed.success) return parsed.data;
  problems.error(
    line,
    'status',
    `unknown status "${text}"; use one of: ${StatusSchema.options.join(', ')} (or leave it empty)`,
  );
  return 'unknown';
}

function dateInput(cell: Cell): string | number | Date | null {
  if (cell === undefined || cell === null) return null;
  return typeof cell === 'boolean' ? cellText(cell) : cell;
}

const agrees = (a: PartialDate, b: PartialDate): boolean =>
  a.year === b.year &&
  (a.month === null || b.month === null || a.month === b.month) &&
  (a.day === null || b.day === null || a.day === b.day);

function report(p: DateParse, line: number, column: string, problems: Problems): void {
  if (p.error) problems.error(line, column, `${p.error}; write the date as YYYY, YYYY-MM or YYYY-MM-DD`);
  else if (p.warning) problems.warn(line, column, p.warning);
}

/**
 * `date` (ISO partial) holds the value and `date_text` the original wording. The date column wins when they
 * disagree; the text is kept when it says the same thing. A spreadsheet may have turned "2015-08" into a full
 * date (a Date or serial number): then the text's own precision is kept.
 */
export function readDate(dateCell: Cell, textCell: Cell, line: number, problems: Problems): PartialDate {
  const isoText = cellText(dateCell);
  const text = cellText(textCell);
  if (isoText === '') {
    if (text === '') return { ...UNKNOWN_DATE };
    const t = parsePartialDate(text);
    report(t, line, 'date_text', problems);
    return t.date;
  }
  const p = parsePartialDate(dateInput(dateCell));
  if (p.error || p.date.year === null) {
    report(p, line, 'date', problems);
    return { ...UNKNOWN_DATE, text: text || isoText };
  }
  if (text === '') return p.date;
  const t = parsePartialDate(text);
  if (t.date.year === null) return { ...p.date, text };
  if (!agrees(t.date, p.date)) {
    problems.warn(
      line,
      'date_text',
      `"${text}" does not say the same date as the date column (${isoText}); the date column is used and the text replaced by it. Correct whichever is wrong`,
    );
    return { ...p.date, text: isoText };
  }
  const spreadsheetDate = typeof dateCell !== 'string';
  return spreadsheetDate ? t.date : { ...p.date, text };
}
