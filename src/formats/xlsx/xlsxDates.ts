import { fromExcelSerial } from '../../core/partialDate.ts';
import type { Cell, GridRow } from '../types.ts';
import { formatPrecision } from './xlsxDateFormats.ts';

// A date cell reads as precise as its number format shows it: `mmm-yy` (a month) gives the text "Aug 2015", `yyyy`
// gives "2015"; a format with a day keeps the full date. A day-format cell on the 1st of a month cannot say
// whether the day is real (LibreOffice formats every converted "Aug 2015" as `mm/dd/yy`, 08/01/15): the row notes
// it so the parser can warn.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function asDate(cell: Cell): Date | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell;
  // A date format read-excel-file did not recognise leaves the day number.
  if (typeof cell === 'number' && cell > 0 && cell < 2958466) {
    const d = fromExcelSerial(cell).date;
    return d.year === null ? null : new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  }
  return null;
}

/** The row with its date cells read at their format's precision (a new row; the given one is not changed). */
export function datedCells(row: GridRow, formats: ReadonlyMap<number, string>): GridRow {
  const cells = row.cells.slice();
  let uncertain: Map<number, string> | undefined;
  for (const [col, code] of formats) {
    const date = asDate(cells[col]);
    const precision = formatPrecision(code);
    if (date === null || precision === null) continue;
    const year = date.getUTCFullYear();
    if (precision === 'year') cells[col] = String(year);
    else if (precision === 'month') cells[col] = `${MONTHS[date.getUTCMonth()]} ${year}`;
    else {
      cells[col] = date;
      if (date.getUTCDate() === 1) {
        uncertain ??= new Map();
        uncertain.set(col, code);
      }
    }
  }
  return uncertain ? { ...row, cells, uncertainDays: uncertain } : { ...row, cells };
}
