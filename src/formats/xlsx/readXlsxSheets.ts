import readXlsxFile from 'read-excel-file/node';
import type { Problem } from '../../core/report.ts';
import { zipLimitProblem } from '../cappedUnzip.ts';
import { uploadLimits } from '../limits.ts';
import { binaryAdvice, sniffBytes } from '../text/sniffBytes.ts';
import type { Cell, GridRow } from '../types.ts';
import { readXlsxDateFormats } from './xlsxDateFormats.ts';
import { datedCells } from './xlsxDates.ts';
import { readXlsxHyperlinks } from './xlsxHyperlinks.ts';

// Node only (read-excel-file/node). Rows keep their spreadsheet row numbers: read-excel-file returns every row
// from row 1, empty ones included. Hyperlinked cells carry their addresses (xlsxHyperlinks.ts).

export type XlsxSheetRows = { name: string; rows: GridRow[] };
export type XlsxRead = { ok: true; sheets: XlsxSheetRows[] } | { ok: false; problem: Problem };

const fail = (message: string): XlsxRead => ({ ok: false, problem: { line: null, column: null, message } });

export async function readXlsxSheets(bytes: Uint8Array): Promise<XlsxRead> {
  const kind = sniffBytes(bytes);
  if (kind !== 'zip') {
    if (kind === 'text')
      return fail(
        'this file is text, not an .xlsx workbook; give it the extension that matches its content (.csv, .tsv or .txt)',
      );
    return fail(`this is not an .xlsx workbook: ${binaryAdvice(kind)}`);
  }
  // Other spreadsheet programs' files are ZIPs too; say which one it is and how to save it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (head.includes('application/vnd.oasis.opendocument'))
    return fail(
      'this is a LibreOffice / OpenOffice spreadsheet (.ods), not an .xlsx workbook; in LibreOffice choose File → Save As → "Excel 2007-365 (.xlsx)" (or "Text CSV" with character set UTF-8) and import that',
    );
  if (head.includes('Index/Document.iwa') || head.includes('.iwa'))
    return fail(
      'this is an Apple Numbers file, not an .xlsx workbook; in Numbers choose File → Export To → Excel (.xlsx) or CSV and import that',
    );
  // Before any reader inflates it whole: a zip bomb is refused here, within the upload limits.
  const over = await zipLimitProblem(bytes, uploadLimits());
  if (over !== null) return fail(over);
  try {
    const sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const links = readXlsxHyperlinks(bytes);
    const dateFormats = readXlsxDateFormats(bytes);
    return {
      ok: true,
      sheets: sheets.map((s) => {
        const sheetLinks = links.get(s.sheet);
        const sheetDates = dateFormats.get(s.sheet);
        return {
          name: s.sheet,
          rows: s.data.map((cells, i): GridRow => {
            const rowLinks = sheetLinks?.get(i + 1);
            const rowDates = sheetDates?.get(i + 1);
            const row: GridRow = rowLinks
              ? { line: i + 1, cells: cells as Cell[], links: rowLinks }
              : { line: i + 1, cells: cells as Cell[] };
            return rowDates ? datedCells(row, rowDates) : row;
          }),
        };
      }),
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(
      `the workbook cannot be read (${why}); open it in your spreadsheet program and save it again as .xlsx`,
    );
  }
}
