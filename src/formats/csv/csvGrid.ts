import { CsvError, parse } from 'csv-parse/sync';
import type { Problem } from '../../core/report.ts';
import type { GridRow } from '../types.ts';

// RFC 4180 via csv-parse. Each row keeps the physical line where its record starts, because a quoted cell
// may span lines (the normalized CSV puts one source URL per line) and a spreadsheet user counts physical lines.

export type CsvGrid = { ok: true; rows: GridRow[]; delimiter: string } | { ok: false; problem: Problem };

/** Excel in many European locales writes ";"-separated "CSV", and some tools write tab-separated text named
 * .csv: the first line that has any separator, read with "," unless it has none and has a tab or a ";". */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 200);
  const first = lines.find((l) => /[,;\t]/.test(l)) ?? '';
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  return first.includes(';') ? ';' : ',';
}

/** Rows whose cell count differs from the first row's: how broken a reading looks. Empty lines do not count:
 * an editor that appends LF rows usually leaves one at the end, and it would tie with the one broken record. */
function ragged(grid: CsvGrid): number {
  if (!grid.ok) return Number.POSITIVE_INFINITY;
  const width = grid.rows[0]?.cells.length ?? 0;
  let n = 0;
  for (const r of grid.rows) if (r.cells.length !== width && r.cells.some((c) => c !== '')) n++;
  return n;
}

/**
 * A sheet saved with CRLF line ends and then appended to in an editor that writes LF has both. csv-parse keeps to
 * the first line end it sees, which reads the LF rows as one broken record; but a CSV written with CRLF may also
 * hold bare LFs inside unquoted cells (csv-stringify, and so this tool's own exports, quote only for CRLF). When
 * a text has both, it is read both ways and the reading whose rows keep the header's width wins.
 */
export function csvGrid(text: string, delimiter = guessDelimiter(text)): CsvGrid {
  const strict = readCsv(text, delimiter, false);
  if (!text.includes('\r\n') || !/(?:^|[^\r])\n/.test(text)) return strict;
  const mixed = readCsv(text, delimiter, true);
  return ragged(mixed) < ragged(strict) ? mixed : strict;
}

function readCsv(text: string, delimiter: string, anyLineEnd: boolean): CsvGrid {
  let lastEnd = 0;
  const ends: number[] = [];
  try {
    const records = parse(text, {
      delimiter,
      ...(anyLineEnd ? { record_delimiter: ['\r\n', '\n', '\r'] } : {}),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context): string[] => {
        lastEnd = context.lines;
        ends.push(context.lines);
        return record;
      },
    });
    const rows: GridRow[] = [];
    let start = 1;
    records.forEach((cells, i) => {
      rows.push({ line: start, cells });
      start = (ends[i] ?? start) + 1;
    });
    return { ok: true, rows, delimiter };
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = lastEnd + 1;
    const what =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell starting here is never closed'
        : e.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'a quote (") inside a cell is not doubled'
          : e.message;
    return {
      ok: false,
      problem: {
        line,
        column: null,
        message: `the CSV cannot be read: ${what}. A cell with a quote mark must be quoted and its quotes doubled ("like ""this"""); re-export the sheet as CSV from your spreadsheet, or fix the quotes from this line on`,
      },
    };
  }
}
