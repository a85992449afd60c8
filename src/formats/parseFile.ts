import { CARRIES_ALL } from '../core/diff.ts';
import type { Problem } from '../core/report.ts';
import type { Dataset } from '../core/schemas.ts';
import { cellText, isBlankRow } from './cells.ts';
import { isNormalizedHeader } from './csv/columns.ts';
import { type CsvGrid, csvGrid } from './csv/csvGrid.ts';
import { parseNormalized } from './csv/parseNormalized.ts';
import { parseJson } from './json/parseJson.ts';
import {
  gridLimitProblem,
  limitAdvice,
  limitText,
  MAX_FILE_BYTES,
  textRecordsOver,
  uploadLimits,
} from './limits.ts';
import type { ParsedContent } from './parsedContent.ts';
import { parseSeed } from './seed/parseSeed.ts';
import { readSeedHeader } from './seed/seedHeader.ts';
import { decodeText } from './text/decodeText.ts';
import { BACKUP_ADVICE, sniffBytes } from './text/sniffBytes.ts';
import { tsvGrid } from './text/tsvGrid.ts';
import type { FileContainer, GridRow, ParsedFile } from './types.ts';
import { readXlsxSheets } from './xlsx/readXlsxSheets.ts';

// Reads any supported file: by extension first, by content when the extension says nothing. A parser writes
// nothing and throws nothing for a user mistake: everything wrong is a Problem with a place and a remedy.

function failed(container: FileContainer, problem: Problem): ParsedFile {
  return {
    format: container === 'json' ? 'json' : 'seed',
    container,
    dataset: null,
    agreements: [],
    notes: [],
    lines: { agreements: [], notes: [] },
    warnings: [],
    errors: [problem],
    carries: { ...CARRIES_ALL },
  };
}

function result(format: ParsedFile['format'], container: FileContainer, c: ParsedContent): ParsedFile {
  return { format, container, dataset: null, ...c };
}

function containerFor(fileName: string, bytes: Uint8Array): FileContainer {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'txt' || ext === 'tsv' || ext === 'tab') return 'text';
  if (sniffBytes(bytes) === 'zip') return 'xlsx';
  const head = new TextDecoder().decode(bytes);
  if (/^\s*[{[]/.test(head.replace(/^\uFEFF/, ''))) return 'json';
  // Prose cells rarely hold tabs; a tab near the start means a tab-separated table.
  return head.includes('\t') ? 'text' : 'csv';
}

/** A table is the normalized one when its first non-empty row is the normalized header; otherwise the seed layout. */
function parseGrid(rows: readonly GridRow[], dataset: Dataset, container: FileContainer): ParsedFile {
  const over = gridLimitProblem(rows, uploadLimits());
  if (over) return failed(container, { ...over, column: null });
  const nul = nulCell(rows);
  if (nul) return failed(container, nul);
  const first = rows.find((r) => !isBlankRow(r));
  if (first && isNormalizedHeader(first.cells.map(cellText)))
    return result('csv', container, parseNormalized(rows, dataset));
  return result('seed', container, parseSeed(rows, dataset));
}

/** A cell holding U+0000 (a workbook writes it as `_x0000_`), which no database text can hold: an error at its
 * line and column rather than a failed write. */
function nulCell(rows: readonly GridRow[]): Problem | null {
  for (const r of rows)
    for (let i = 0; i < r.cells.length; i++) {
      const cell = r.cells[i];
      if (typeof cell === 'string' && cell.includes('\u0000'))
        return {
          line: r.line,
          column: null,
          message: `cell ${i + 1} of this row holds a NUL character (_x0000_ in a workbook), which no text can hold; delete it and import again`,
        };
    }
  return null;
}

/** Whether rows hold a table this reader knows: the normalized header first, or a seed header row anywhere. */
function hasTable(rows: readonly GridRow[], dataset: Dataset): boolean {
  const first = rows.find((r) => !isBlankRow(r));
  if (first && isNormalizedHeader(first.cells.map(cellText))) return true;
  return rows.some((r) => readSeedHeader(r.cells, dataset) !== null);
}

/** The CSV read with the guessed separator; when that finds no table header, with "," ";" or tab if one does
 * (title rows of prose can mislead the guess). */
function csvTable(text: string, dataset: Dataset): CsvGrid {
  const guessed = csvGrid(text);
  if (guessed.ok && hasTable(guessed.rows, dataset)) return guessed;
  for (const delimiter of [',', ';', '\t']) {
    if (guessed.ok && guessed.delimiter === delimiter) continue;
    const grid = csvGrid(text, delimiter);
    if (grid.ok && hasTable(grid.rows, dataset)) return grid;
  }
  return guessed;
}

const EMPTY = 'the file is empty; choose the file that holds the sheet, or export the sheet again';

async function parseXlsx(bytes: Uint8Array, dataset: Dataset): Promise<ParsedFile> {
  const read = await readXlsxSheets(bytes);
  if (!read.ok) return failed('xlsx', read.problem);
  const sheets = read.sheets.filter((s) => s.rows.some((r) => !isBlankRow(r)));
  if (sheets.length === 0)
    return failed('xlsx', { line: null, column: null, message: `the workbook has no data: ${EMPTY}` });
  const sheet = sheets.find((s) => hasTable(s.rows, dataset)) ?? sheets[0]!;
  return parseGrid(sheet.rows, dataset, 'xlsx');
}

/** Parses a file's bytes; `dataset` says how to read a seed-layout sheet and which category ids exist. */
export async function parseFile(bytes: Uint8Array, fileName: string, dataset: Dataset): Promise<ParsedFile> {
  const container = containerFor(fileName, bytes.subarray(0, 65536));
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return failed(container, {
      line: null,
      column: null,
      message: `the file is ${mb(bytes.byteLength)}, over the limit of ${mb(MAX_FILE_BYTES)}; a dataset sheet is far smaller, so check that this is the right file, or split it`,
    });
  }
  if (container === 'xlsx') return parseXlsx(bytes, dataset);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failed(container, decoded.problem);
  if (decoded.text.trim() === '') return failed(container, { line: null, column: null, message: EMPTY });
  // A backup's first line is its header (docs/formats.md, "Backup"); it is JSON Lines, so it would read as broken JSON.
  if (decoded.text.startsWith('{"format":"accord-atlas/backup@'))
    return failed(container, { line: null, column: null, message: `this is an ${BACKUP_ADVICE}` });
  if (container === 'json') {
    const { document, ...content } = parseJson(decoded.text);
    const parsed = result('json', 'json', content);
    if (document) {
      parsed.dataset = document.dataset;
      parsed.document = document;
    }
    return parsed;
  }
  const maxRows = uploadLimits().rows;
  if (textRecordsOver(decoded.text, maxRows))
    return failed(container, {
      line: null,
      column: null,
      message: `the file has more than ${limitText('rows', maxRows)} rows; ${limitAdvice('rows')}`,
    });
  if (container === 'text') return parseGrid(tsvGrid(decoded.text), dataset, 'text');
  const grid = csvTable(decoded.text, dataset);
  if (!grid.ok) return failed('csv', grid.problem);
  return parseGrid(grid.rows, dataset, 'csv');
}
