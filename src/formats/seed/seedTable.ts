import type { CategoryId } from '../../core/ids.ts';
import type { Dataset } from '../../core/schemas.ts';
import { cellText, isBlankRow, linkedSource } from '../cells.ts';
import type { Problems } from '../problems.ts';
import type { Cell, GridRow } from '../types.ts';
import { readSeedHeader, type SeedHeader } from './seedHeader.ts';

// Turns the rows of a seed-layout sheet into country blocks: a row with a country name opens a block, rows with
// an empty country cell continue it, also across a header row repeated at a page break. Prose before the first
// header row is skipped.

/** 'blank': nothing written; 'empty': an explicit "nothing here" marker such as "n/a". The difference matters. */
export type CellState = 'value' | 'blank' | 'empty';

/** `title`: the label of a hyperlinked cell whose address is `text` (see linkedSource). */
export type CategoryCell = { id: CategoryId; header: string; state: CellState; text: string; title: string };

export type SeedRow = {
  line: number;
  categories: CategoryCell[];
  /** `uncertainFormat`: see GridRow.uncertainDays. */
  date: { header: string; cell: Cell; state: CellState; uncertainFormat?: string } | null;
  comment: { header: string; text: string } | null;
  status: { header: string; text: string } | null;
};

export type SeedBlock = { name: string; line: number; column: string; rows: SeedRow[] };

export type SeedTable = { header: SeedHeader; headerLine: number; blocks: SeedBlock[] };

type SeedDataset = Pick<Dataset, 'categories' | 'sheet'>;

function stateOf(text: string, empty: ReadonlySet<string>): CellState {
  if (text === '') return 'blank';
  return empty.has(text.toLowerCase()) ? 'empty' : 'value';
}

function readRow(row: GridRow, h: SeedHeader, empty: ReadonlySet<string>): SeedRow {
  const categories = h.categories.map((c): CategoryCell => {
    const { text, title } = linkedSource(row, c.index);
    return { id: c.id, header: c.header, state: stateOf(text, empty), text, title };
  });
  let date: SeedRow['date'] = null;
  if (h.date) {
    const cell = row.cells[h.date.index];
    date = { header: h.date.header, cell, state: stateOf(cellText(cell), empty) };
    const uncertain = row.uncertainDays?.get(h.date.index);
    if (uncertain !== undefined) date.uncertainFormat = uncertain;
  }
  let comment: SeedRow['comment'] = null;
  if (h.comment) {
    const text = cellText(row.cells[h.comment.index]);
    comment = { header: h.comment.header, text: stateOf(text, empty) === 'value' ? text : '' };
  }
  let status: SeedRow['status'] = null;
  if (h.status) {
    const text = cellText(row.cells[h.status.index]);
    status = { header: h.status.header, text: stateOf(text, empty) === 'value' ? text : '' };
  }
  return { line: row.line, categories, date, comment, status };
}

function expected(dataset: SeedDataset): string {
  const cats = dataset.categories.map((c) => c.columns.map((t) => `"${t}"`).join(' or ')).join(', ');
  return `a header row whose first cell is ${dataset.sheet.country.map((t) => `"${t}"`).join(' or ')} and with columns for ${cats}`;
}

function checkHeader(h: SeedHeader, line: number, dataset: SeedDataset, problems: Problems): void {
  for (const c of h.missing) {
    problems.error(
      line,
      null,
      `no column for category "${c.label}": expected a header containing ${c.columns.map((t) => `"${t}"`).join(' or ')}; ` +
        `the headers are ${h.headers
          .filter((t) => t !== '')
          .map((t) => `"${t}"`)
          .join(', ')}. ` +
        'Rename the column back, or add its header text to the category\'s "columns" in the dataset configuration',
    );
  }
  for (const d of h.duplicates) {
    problems.warn(line, d.header, `a second column for category "${d.id}"; only the first one is read`);
  }
  if (h.date === null && dataset.sheet.date.length > 0) {
    problems.warn(
      line,
      null,
      `no date column (a header containing ${dataset.sheet.date.map((t) => `"${t}"`).join(' or ')}); records are undated`,
    );
  }
}

export function readSeedTable(
  grid: readonly GridRow[],
  dataset: SeedDataset,
  problems: Problems,
): SeedTable | null {
  const empty = new Set(dataset.sheet.empty.map((t) => t.trim().toLowerCase()));
  let header: SeedHeader | null = null;
  let first: { header: SeedHeader; line: number } | null = null;
  const blocks: SeedBlock[] = [];
  let current: SeedBlock | null = null;
  for (const row of grid) {
    const h = readSeedHeader(row.cells, dataset);
    if (h) {
      checkHeader(h, row.line, dataset, problems);
      header = h;
      first ??= { header: h, line: row.line };
      continue;
    }
    if (header === null || isBlankRow(row)) continue;
    const name = cellText(row.cells[header.country.index]);
    if (name !== '') {
      current = { name, line: row.line, column: header.country.header, rows: [] };
      blocks.push(current);
    } else if (current === null) {
      problems.error(
        row.line,
        header.country.header,
        'this row has no country and there is no country row above it to continue; write the country name',
      );
      continue;
    }
    current.rows.push(readRow(row, header, empty));
  }
  if (first === null) {
    const firstText = grid.find((r) => !isBlankRow(r));
    const seen = firstText
      ? ` The first non-empty row (line ${firstText.line}) is: ${firstText.cells
          .map(cellText)
          .filter((t) => t !== '')
          .slice(0, 6)
          .map((t) => `"${t.slice(0, 40)}"`)
          .join(', ')}.`
      : '';
    problems.error(
      null,
      null,
      `no table found: the seed layout needs ${expected(dataset)}.${seen} A normalized CSV instead needs a header with "category" and "partners" columns`,
    );
    return null;
  }
  return { header: first.header, headerLine: first.line, blocks };
}
