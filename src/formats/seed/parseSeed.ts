import { countryName } from '../../core/countries/index.ts';
import type { Carried, IncomingAgreement, IncomingNote } from '../../core/diff.ts';
import type { CountryCode } from '../../core/ids.ts';
import { parsePartialDate, UNKNOWN_DATE } from '../../core/partialDate.ts';
import type { AgreementContent, Dataset, NoteContent } from '../../core/schemas.ts';
import { splitUrls } from '../../core/url.ts';
import { cellText } from '../cells.ts';
import { lookUpCountry } from '../countryLookup.ts';
import { DateChecks } from '../dateChecks.ts';
import { reportDuplicateAgreements } from '../duplicates.ts';
import type { ParsedContent } from '../parsedContent.ts';
import { Problems } from '../problems.ts';
import { checkedSources } from '../sources.ts';
import type { GridRow } from '../types.ts';
import { flagsFromComment, leadingUrls, NO_FLAGS } from './commentFlags.ts';
import { ALLOWED_STATUS_TEXT, looseStatus } from './seedStatus.ts';
import { readSeedTable, type SeedRow } from './seedTable.ts';

// The seed layout: one row per country, one column per category holding source URLs, and a date and comment
// that describe the row's record of the dated category (MoUs in the first dataset). See docs/formats.md.

/**
 * What the seed layout says about a record: its category, partner, date, comment (summary, and the flags read
 * from it) and source URLs, and status when the sheet has a "Status" column. Titles, status otherwise, source
 * titles, archived copies and link checks are the editor's:
 * re-importing the sheet keeps them (a hyperlink's label still titles a source the record does not have yet).
 */
export const SEED_CARRIES: Readonly<Carried> = Object.freeze({
  title: false,
  date: true,
  summary: true,
  status: false,
  nonGovernmental: true,
  multilateral: true,
  mentionsOnly: true,
  sources: true,
  sourceTitles: false,
  archivedUrls: false,
  linkChecks: false,
});

type Draft = Omit<AgreementContent, 'partners'> & { line: number };
type NoteDraft = Omit<NoteContent, 'country'> & { line: number };
type SeedDataset = Pick<Dataset, 'categories' | 'sheet' | 'focalCountry'>;

/**
 * The row's "Status" cell describes the record its date describes (the dated category's), or the row's only
 * record when it has no dated one.
 */
function applyStatus(row: SeedRow, drafts: Draft[], datedId: string, problems: Problems): void {
  const cell = row.status;
  if (cell === null || cell.text === '') return;
  const status = looseStatus(cell.text);
  if (status === null) {
    problems.error(
      row.line,
      cell.header,
      `unknown status "${cell.text}"; write one of ${ALLOWED_STATUS_TEXT}`,
    );
    return;
  }
  const target = drafts.find((d) => d.category === datedId) ?? (drafts.length === 1 ? drafts[0] : undefined);
  if (target) target.status = status;
  else
    problems.warn(
      row.line,
      cell.header,
      `the status "${cell.text}" belongs to no single record on this row, so it is not used; put the record on a row of its own or clear the status`,
    );
}

function buildRow(
  row: SeedRow,
  dataset: SeedDataset,
  problems: Problems,
  dates: DateChecks,
): { agreements: Draft[]; notes: NoteDraft[] } {
  const built = buildRecords(row, dataset, problems, dates);
  applyStatus(row, built.agreements, dataset.sheet.datedCategory, problems);
  return built;
}

function buildRecords(
  row: SeedRow,
  dataset: SeedDataset,
  problems: Problems,
  dates: DateChecks,
): { agreements: Draft[]; notes: NoteDraft[] } {
  const datedId = dataset.sheet.datedCategory;
  const drafts: Draft[] = [];
  for (const cell of row.categories) {
    if (cell.state !== 'value') continue;
    const sources = checkedSources(splitUrls(cell.text), [cell.title], row.line, cell.header, problems);
    drafts.push({
      line: row.line,
      category: cell.id,
      title: '',
      date: { ...UNKNOWN_DATE },
      summary: '',
      sources,
      flags: { ...NO_FLAGS },
      status: 'unknown',
    });
  }
  const comment = row.comment?.text ?? '';
  const dated = drafts.find((d) => d.category === datedId);
  if (dated) {
    if (row.date && row.date.state === 'value') {
      const raw = row.date.cell;
      const parsed = parsePartialDate(typeof raw === 'boolean' ? cellText(raw) : raw);
      if (parsed.error)
        problems.error(
          row.line,
          row.date.header,
          `${parsed.error}; write a real date, e.g. "Aug 2015" or "2015-08-14"`,
        );
      else if (parsed.warning) problems.warn(row.line, row.date.header, parsed.warning);
      else dates.check(parsed.date, row.line, row.date.header, row.date.uncertainFormat, problems);
      dated.date = parsed.date;
    }
    dated.summary = comment;
    dated.flags = flagsFromComment(comment);
    return { agreements: drafts, notes: [] };
  }
  if (row.date && row.date.state === 'value') {
    const label = dataset.categories.find((c) => c.id === datedId)?.label ?? datedId;
    problems.warn(
      row.line,
      row.date.header,
      `the date "${cellText(row.date.cell)}" belongs to no ${label} record on this row (its cell is empty), so it is not used; add the record's source URL or clear the date`,
    );
  }
  if (comment === '') return { agreements: drafts, notes: [] };
  // A comment beside a record of another category, with the dated cell left blank (not "n/a"), describes that
  // record (Iran: an MLAT with a comment). Otherwise it is a research note about the country.
  const datedCell = row.categories.find((c) => c.id === datedId);
  const target = drafts[0];
  if (target && datedCell?.state === 'blank') {
    target.summary = comment;
    target.flags = flagsFromComment(comment);
    return { agreements: drafts, notes: [] };
  }
  const { urls, text } = leadingUrls(comment);
  const sources = checkedSources(urls, [], row.line, row.comment?.header ?? null, problems);
  return { agreements: drafts, notes: [{ line: row.line, text, sources }] };
}

export function parseSeed(grid: readonly GridRow[], dataset: SeedDataset): ParsedContent {
  const problems = new Problems();
  const agreements: IncomingAgreement[] = [];
  const notes: IncomingNote[] = [];
  const lines: ParsedContent['lines'] = { agreements: [], notes: [] };
  const resolutions: ParsedContent['resolutions'] = [];
  const table = readSeedTable(grid, dataset, problems);
  const dates = new DateChecks();
  const seen = new Map<CountryCode, { line: number; name: string }>();
  for (const block of table?.blocks ?? []) {
    const built = block.rows.map((r) => buildRow(r, dataset, problems, dates));
    const carries = built.some((b) => b.agreements.length > 0 || b.notes.length > 0);
    const at = { line: block.line, column: block.column };
    const code = lookUpCountry(
      block.name,
      at,
      { carries, focal: dataset.focalCountry },
      problems,
      resolutions,
    );
    if (code === null) continue;
    const prev = seen.get(code);
    if (prev) {
      problems.warn(
        block.line,
        block.column,
        `"${block.name}" (line ${block.line}) and "${prev.name}" (line ${prev.line}) are the same country, ` +
          `${countryName(code)} (${code}); their records are merged. Keep one of the two rows to silence this warning`,
      );
    } else seen.set(code, { line: block.line, name: block.name });
    for (const b of built) {
      for (const { line, ...d } of b.agreements) {
        agreements.push({
          category: d.category,
          partners: [code],
          title: d.title,
          date: d.date,
          summary: d.summary,
          sources: d.sources,
          flags: d.flags,
          status: d.status,
        });
        lines.agreements.push(line);
      }
      for (const { line, ...n } of b.notes) {
        notes.push({ country: code, text: n.text, sources: n.sources });
        lines.notes.push(line);
      }
    }
  }
  dates.flush(problems);
  reportDuplicateAgreements(agreements, lines.agreements, problems);
  return {
    agreements,
    notes,
    lines,
    warnings: problems.warnings,
    errors: problems.errors,
    resolutions,
    // A sheet with a "Status" column carries status (its empty cells too: unknown); without one, the editor's stay.
    carries: {
      ...SEED_CARRIES,
      status: (table?.blocks ?? []).some((b) => b.rows.some((r) => r.status !== null)),
    },
  };
}
