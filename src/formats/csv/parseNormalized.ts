import { CARRIES_ALL, type Carried, type IncomingAgreement, type IncomingNote } from '../../core/diff.ts';
import { AgreementIdSchema, type CategoryId, type CountryCode, NoteIdSchema } from '../../core/ids.ts';
import type { Dataset } from '../../core/schemas.ts';
import { checkSourceUrl, splitUrls } from '../../core/url.ts';
import { cellText, isBlankRow, linkedSource, looseKey } from '../cells.ts';
import { lookUpCountry } from '../countryLookup.ts';
import { DateChecks } from '../dateChecks.ts';
import { reportDuplicateAgreements } from '../duplicates.ts';
import type { ParsedContent } from '../parsedContent.ts';
import { Problems } from '../problems.ts';
import { checkedSources } from '../sources.ts';
import type { Cell, GridRow } from '../types.ts';
import {
  headerKey,
  isNormalizedColumn,
  NORMALIZED_COLUMNS,
  type NormalizedColumn,
  REQUIRED_COLUMNS,
  restoreFormula,
} from './columns.ts';
import { readDate, readFlag, readStatus } from './readNormalizedCells.ts';

// The normalized table (CSV or XLSX): a header row, then one row per agreement or country note.

type NormalizedDataset = Pick<Dataset, 'categories' | 'focalCountry'>;
type Row = {
  line: number;
  get: (c: NormalizedColumn) => string;
  raw: (c: NormalizedColumn) => Cell;
  /** The source addresses, a hyperlinked cell's label as their title (see linkedSource). */
  linkedSources: () => { text: string; title: string };
};

function categoryLookup(dataset: NormalizedDataset): (text: string) => CategoryId | null {
  const byKey = new Map<string, CategoryId>();
  for (const c of dataset.categories) {
    for (const t of [c.label, c.shortLabel]) byKey.set(looseKey(t), c.id);
  }
  for (const c of dataset.categories) byKey.set(looseKey(c.id), c.id);
  return (text) => byKey.get(looseKey(text)) ?? null;
}

function partners(
  row: Row,
  focal: CountryCode,
  problems: Problems,
  res: ParsedContent['resolutions'],
): CountryCode[] {
  const text = row.get('partners');
  if (text === '') {
    const named =
      row.get('partner_names') !== '' ? ' (partner_names is only for reading; it is not imported)' : '';
    problems.error(
      row.line,
      'partners',
      `no partner country${named}; write ISO codes or country names separated by ";"`,
    );
    return [];
  }
  const out: CountryCode[] = [];
  for (const token of text
    .split(/[;\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '')) {
    const code = lookUpCountry(
      token,
      { line: row.line, column: 'partners' },
      { carries: true, focal },
      problems,
      res,
    );
    if (code !== null && !out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * The fields a table carries are its columns: a sheet without a "status" column keeps every record's status.
 * Link-check results have no column, so they are always kept. A column the sheet has carries even when a cell
 * is empty (an empty title clears the title).
 */
export function carriedBy(has: (c: NormalizedColumn) => boolean): Carried {
  return {
    title: has('title'),
    date: has('date') || has('date_text'),
    summary: has('summary'),
    status: has('status'),
    nonGovernmental: has('non_governmental'),
    multilateral: has('multilateral'),
    mentionsOnly: has('mentions_only'),
    sources: has('source_urls'),
    sourceTitles: has('source_titles'),
    archivedUrls: has('source_archived_urls'),
    linkChecks: false,
  };
}

/** The archived copies, one a line aligned with the source URLs (an empty line: none for that source). */
function archivedCopies(row: Row, count: number, problems: Problems): Array<string | null> {
  const text = row.get('source_archived_urls');
  const lines = text === '' ? [] : text.split(/\r\n|\n|\r/).map((t) => t.trim());
  if (lines.length > count)
    problems.warn(
      row.line,
      'source_archived_urls',
      `${lines.length} archived copies for ${count} source URLs; they are matched to URLs line by line and the extra ones are dropped`,
    );
  return lines.slice(0, count).map((raw) => {
    if (raw === '') return null;
    const check = checkSourceUrl(raw);
    if (check.ok) return check.url;
    problems.error(
      row.line,
      'source_archived_urls',
      `${check.reason}. An archived copy must be a full web address (https://…), one a line in the order of source_urls; leave a line empty for none`,
    );
    return null;
  });
}

function sources(row: Row, problems: Problems): ReturnType<typeof checkedSources> {
  const linked = row.linkedSources();
  const urls = splitUrls(restoreFormula(linked.text));
  const titleText = row.get('source_titles') || linked.title;
  const titles = titleText === '' ? [] : titleText.split(/\r\n|\n|\r/).map((t) => t.trim());
  if (titles.length > urls.length) {
    problems.warn(
      row.line,
      'source_titles',
      `${titles.length} titles for ${urls.length} source URLs; titles are matched to URLs line by line and the extra ones are dropped`,
    );
  }
  const out = checkedSources(urls, titles, row.line, 'source_urls', problems);
  const archived = archivedCopies(row, urls.length, problems);
  // checkedSources leaves out refused URLs (each an error, so nothing is imported): align while all are kept.
  if (out.length === urls.length)
    for (let i = 0; i < out.length; i++) out[i]!.archivedUrl = archived[i] ?? null;
  return out;
}

const formulaSafe = (cell: Cell): Cell => (typeof cell === 'string' ? restoreFormula(cell.trim()) : cell);

export function parseNormalized(grid: readonly GridRow[], dataset: NormalizedDataset): ParsedContent {
  const problems = new Problems();
  const out: ParsedContent = {
    agreements: [],
    notes: [],
    lines: { agreements: [], notes: [] },
    warnings: problems.warnings,
    errors: problems.errors,
    resolutions: [],
    carries: { ...CARRIES_ALL },
  };
  const rows = grid.filter((r) => !isBlankRow(r));
  const header = rows[0];
  if (!header) {
    problems.error(null, null, 'the file has no rows; export the sheet again');
    return out;
  }
  const index = new Map<NormalizedColumn, number>();
  header.cells.forEach((cell, i) => {
    const text = cellText(cell);
    const key = headerKey(text);
    if (text === '') return;
    if (!isNormalizedColumn(key))
      problems.warn(
        header.line,
        text,
        `unknown column "${text}" is ignored; the columns are: ${NORMALIZED_COLUMNS.join(', ')}`,
      );
    else if (index.has(key)) problems.error(header.line, text, `column "${key}" appears twice; keep one`);
    else index.set(key, i);
  });
  const found = header.cells.map(cellText).filter((t) => t !== '');
  for (const c of REQUIRED_COLUMNS) {
    if (!index.has(c)) {
      problems.error(
        header.line,
        c,
        `missing column "${c}"; the headers found are: ${found.map((t) => `"${t}"`).join(', ')}. Add or rename a column to "${c}"`,
      );
    }
  }
  if (problems.errors.length > 0) return out;
  out.carries = carriedBy((c) => index.has(c));

  const category = categoryLookup(dataset);
  const dates = new DateChecks();
  const ids = new Map<string, number>();
  for (const r of rows.slice(1)) {
    const raw = (c: NormalizedColumn): Cell => {
      const i = index.get(c);
      return i === undefined ? null : r.cells[i];
    };
    const row: Row = {
      line: r.line,
      raw,
      get: (c) => restoreFormula(cellText(raw(c))),
      linkedSources: () => linkedSource(r, index.get('source_urls')),
    };
    const kind = row.get('kind').toLowerCase() || 'agreement';
    if (kind !== 'agreement' && kind !== 'note') {
      problems.error(
        row.line,
        'kind',
        `unknown kind "${row.get('kind')}"; write agreement or note (empty means agreement)`,
      );
      continue;
    }
    const id = row.get('id');
    if (id !== '') {
      const ok = (kind === 'note' ? NoteIdSchema : AgreementIdSchema).safeParse(id).success;
      if (!ok)
        problems.error(
          row.line,
          'id',
          `"${id}" is not a valid id (lower-case letters, digits and dashes); clear it to let the tool assign one`,
        );
      const prev = ids.get(id);
      if (prev !== undefined)
        problems.error(
          row.line,
          'id',
          `id "${id}" is also used on line ${prev}; ids must be unique, clear one to let the tool assign a new id`,
        );
      ids.set(id, row.line);
    }
    const codes = partners(row, dataset.focalCountry, problems, out.resolutions);
    if (kind === 'note') {
      if (codes.length > 1)
        problems.error(
          row.line,
          'partners',
          'a note is about one country; split it into one row per country',
        );
      const country = codes[0];
      if (country === undefined) continue;
      const note: IncomingNote = { country, text: row.get('summary'), sources: sources(row, problems) };
      if (id !== '') note.id = id as IncomingNote['id'];
      out.notes.push(note);
      out.lines.notes.push(row.line);
      continue;
    }
    const catText = row.get('category');
    const cat = catText === '' ? null : category(catText);
    if (cat === null) {
      const allowed = dataset.categories.map((c) => c.id).join(', ');
      problems.error(
        row.line,
        'category',
        catText === ''
          ? `no category; write one of: ${allowed}`
          : `unknown category "${catText}"; use one of: ${allowed}`,
      );
    }
    const agreement: IncomingAgreement = {
      category: cat ?? ('' as CategoryId),
      partners: codes,
      title: row.get('title'),
      date: readDate(formulaSafe(raw('date')), row.get('date_text'), row.line, problems),
      summary: row.get('summary'),
      sources: sources(row, problems),
      flags: {
        nonGovernmental: readFlag(row.get('non_governmental'), row.line, 'non_governmental', problems),
        multilateral: readFlag(row.get('multilateral'), row.line, 'multilateral', problems),
        mentionsOnly: readFlag(row.get('mentions_only'), row.line, 'mentions_only', problems),
      },
      status: readStatus(row.get('status'), row.line, problems),
    };
    if (id !== '') agreement.id = id as IncomingAgreement['id'];
    const dateColumn = index.get('date');
    const uncertain = dateColumn === undefined ? undefined : r.uncertainDays?.get(dateColumn);
    dates.check(agreement.date, row.line, row.get('date') === '' ? 'date_text' : 'date', uncertain, problems);
    if (cat === null || codes.length === 0) continue;
    out.agreements.push(agreement);
    out.lines.agreements.push(row.line);
  }
  dates.flush(problems);
  reportDuplicateAgreements(out.agreements, out.lines.agreements, problems);
  return out;
}
