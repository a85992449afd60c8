import type { PartialDate } from '../core/schemas.ts';
import type { Problems } from './problems.ts';

// Dates that read fine but are probably not what the researcher wrote: a date after today (LibreOffice turns
// "May 29" into 29 May of the current year), and workbook dates on the 1st of a month in a format that shows the
// day, which is how a spreadsheet program stores a converted "Aug 2015" (one warning per column, not per cell).

const SHOWN_LINES = 8;

export class DateChecks {
  readonly #today: { year: number; month: number; day: number };
  readonly #uncertain = new Map<string, { lines: number[]; format: string }>();

  constructor(today: Date = new Date()) {
    this.#today = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
  }

  /** `uncertainFormat`: the cell's number format when it is a workbook date on the 1st of a month. */
  check(
    date: PartialDate,
    line: number,
    column: string,
    uncertainFormat: string | undefined,
    problems: Problems,
  ): void {
    if (date.year === null) return;
    const t = this.#today;
    const key = date.year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);
    if (key > t.year * 10000 + t.month * 100 + t.day && (date.month !== null || date.year > t.year)) {
      problems.warn(
        line,
        column,
        `"${date.text}" is after today; check it against the source (a spreadsheet program may have added the current year to a date written without one, e.g. "May 29")`,
      );
    }
    if (uncertainFormat !== undefined) {
      const u = this.#uncertain.get(column) ?? { lines: [], format: uncertainFormat };
      this.#uncertain.set(column, u);
      u.lines.push(line);
    }
  }

  /** Adds the per-column warnings; call once, after the last row. */
  flush(problems: Problems): void {
    for (const [column, u] of this.#uncertain) {
      const shown = u.lines.slice(0, SHOWN_LINES).join(', ') + (u.lines.length > SHOWN_LINES ? ', …' : '');
      const cells = u.lines.length === 1 ? '1 date cell (line' : `${u.lines.length} date cells (lines`;
      problems.warn(
        u.lines[0] ?? null,
        column,
        `${cells} ${shown}) fall on the 1st of a month in a format that shows the day ("${u.format}"), so the sheet cannot tell a real 1st from a month: a spreadsheet program saves "Aug 2015" this way. They are imported as full dates. If they mean months, give the column the format "mmm yyyy" (or make it text) and import again`,
      );
    }
  }
}
