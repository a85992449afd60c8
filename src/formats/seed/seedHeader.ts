import type { CategoryId } from '../../core/ids.ts';
import type { Category, Dataset } from '../../core/schemas.ts';
import { cellText, looseKey, looseWords } from '../cells.ts';
import type { Cell } from '../types.ts';
import { STATUS_HEADERS } from './seedStatus.ts';

// A seed-layout header row: its first cell (after any row-number columns such as "S.No.") names the country
// column (dataset.sheet.country) and the cells after it name the category, date and comment columns. Texts match loosely ("MOUs/ JOINT STATEMENTS WITH INDIA"
// contains "MOU"), so a researcher's wording can vary without a configuration change.

export type SeedColumn = { index: number; header: string };

export type SeedHeader = {
  country: SeedColumn;
  categories: Array<SeedColumn & { id: CategoryId }>;
  /** Categories the dataset defines that have no column in this header. */
  missing: Category[];
  date: SeedColumn | null;
  comment: SeedColumn | null;
  /** A "Status" column: the status of the record the row's date and comment describe. */
  status: SeedColumn | null;
  /** Columns that matched a category already taken by an earlier column (ignored, reported). */
  duplicates: Array<SeedColumn & { id: CategoryId }>;
  headers: string[];
};

type SeedDataset = Pick<Dataset, 'categories' | 'sheet'>;

function matches(header: string, texts: readonly string[]): number {
  const key = looseKey(header);
  let best = 0;
  for (const t of texts) {
    const k = looseKey(t);
    if (k !== '' && key.includes(k)) best = Math.max(best, k.length);
  }
  return best;
}

/** Whether a configured text appears in the header as whole words: "Date of MoU" names a date, "UPDATED" does not. */
function wordMatches(header: string, texts: readonly string[]): boolean {
  const words = ` ${looseWords(header)} `;
  return texts.some((t) => {
    const w = looseWords(t);
    return w !== '' && words.includes(` ${w} `);
  });
}

/** The first cell starts with a country header text: "Country", "COUNTRY / TERRITORY" — but not "Suriname". */
export function isCountryHeader(cell: Cell, dataset: SeedDataset): boolean {
  const key = looseKey(cellText(cell));
  return key !== '' && dataset.sheet.country.some((t) => looseKey(t) !== '' && key.startsWith(looseKey(t)));
}

// A data cell holds URLs, which can contain any header text ("…/mou-with-mlat.pdf"); a header cell never does.
const looksLikeData = (text: string): boolean =>
  /:\/\/|^(?:javascript|data|vbscript|mailto):|^www\./i.test(text);

// Row-number columns a sheet may have before the country column: "#", "No.", "S. No.", "Sl No", "Sr.", "ID".
const INDEX_HEADER = /^(?:#|no|nr|num|number|s ?no|sl ?no|sr ?no|sr|serial(?: ?no)?|id|index)$/;
const isIndexHeader = (text: string): boolean =>
  text === '' ||
  INDEX_HEADER.test(
    text
      .toLowerCase()
      .replace(/[.\s]+/g, ' ')
      .trim(),
  );

/** The country column: the first cell, or the first after row-number columns ("S.No.", "#"). */
function countryColumn(cells: readonly Cell[], dataset: SeedDataset): number {
  for (let i = 0; i < Math.min(cells.length, 4); i++) {
    if (isCountryHeader(cells[i], dataset)) return i;
    if (!isIndexHeader(cellText(cells[i]))) return -1;
  }
  return -1;
}

/** Reads a row as a header row, or returns null when it is not one. */
export function readSeedHeader(cells: readonly Cell[], dataset: SeedDataset): SeedHeader | null {
  const countryIndex = countryColumn(cells, dataset);
  if (countryIndex < 0) return null;
  const headers = cells.map(cellText);
  const categories: SeedHeader['categories'] = [];
  const duplicates: SeedHeader['duplicates'] = [];
  let date: SeedColumn | null = null;
  let comment: SeedColumn | null = null;
  let status: SeedColumn | null = null;
  headers.forEach((header, index) => {
    if (index <= countryIndex || header === '' || looksLikeData(header)) return;
    // A date column may name its category ("Date of MoU"); a date word makes it the date column.
    if (date === null && wordMatches(header, dataset.sheet.date)) {
      date = { index, header };
      return;
    }
    if (status === null && wordMatches(header, STATUS_HEADERS)) {
      status = { index, header };
      return;
    }
    // The longest matching configured text wins, so "JOINT STATEMENT" beats a shorter text of another category.
    let bestId: CategoryId | null = null;
    let bestLen = 0;
    for (const c of dataset.categories) {
      const len = matches(header, c.columns);
      if (len > bestLen) [bestId, bestLen] = [c.id, len];
    }
    if (bestId !== null) {
      const col = { index, header, id: bestId };
      if (categories.some((c) => c.id === bestId)) duplicates.push(col);
      else categories.push(col);
    } else if (date === null && matches(header, dataset.sheet.date) > 0) date = { index, header };
    else if (comment === null && matches(header, dataset.sheet.comment) > 0) comment = { index, header };
  });
  if (categories.length === 0) return null;
  const missing = dataset.categories.filter((c) => !categories.some((col) => col.id === c.id));
  return {
    country: { index: countryIndex, header: headers[countryIndex]! },
    categories,
    missing,
    date,
    comment,
    status,
    duplicates,
    headers,
  };
}
