import { countryName } from '../../core/countries/index.ts';
import type { IncomingAgreement, IncomingNote } from '../../core/diff.ts';
import type { CountryCode } from '../../core/ids.ts';
import { formatPartialIso } from '../../core/partialDate.ts';
import type { Dataset, Source } from '../../core/schemas.ts';
import { NORMALIZED_COLUMNS, neutralizeFormula } from './columns.ts';

// The one source of the normalized table for both CSV and XLSX: header + one formula-safe row per record,
// agreements first, then country notes, each in the order given. Browser-safe: no Node imports.

export type ExportAgreement = IncomingAgreement;
export type ExportNote = IncomingNote;

const bool = (b: boolean): string => (b ? 'true' : 'false');

function names(codes: readonly CountryCode[]): string {
  return codes.map((c) => countryName(c)).join(';');
}

function urls(sources: readonly Source[]): string {
  return sources.map((s) => s.url).join('\n');
}

/** Archived copies line up with URLs like titles; empty when no source has one. */
function archived(sources: readonly Source[]): string {
  return sources.some((s) => s.archivedUrl !== null)
    ? sources.map((s) => s.archivedUrl ?? '').join('\n')
    : '';
}

/** Titles line up with URLs; when no source has a title the cell stays empty rather than a run of newlines. */
function titles(sources: readonly Source[]): string {
  return sources.some((s) => s.title !== '')
    ? sources.map((s) => s.title.replace(/[\r\n]+/g, ' ')).join('\n')
    : '';
}

export function normalizedRows(
  _dataset: Pick<Dataset, 'categories'>,
  agreements: readonly ExportAgreement[],
  notes: readonly ExportNote[],
): string[][] {
  const rows: string[][] = [[...NORMALIZED_COLUMNS]];
  for (const a of agreements) {
    rows.push([
      'agreement',
      a.id ?? '',
      a.category,
      a.partners.join(';'),
      names(a.partners),
      a.title,
      formatPartialIso(a.date),
      a.date.text,
      a.summary,
      urls(a.sources),
      titles(a.sources),
      archived(a.sources),
      bool(a.flags.nonGovernmental),
      bool(a.flags.multilateral),
      bool(a.flags.mentionsOnly),
      a.status,
    ]);
  }
  for (const n of notes) {
    rows.push([
      'note',
      n.id ?? '',
      '',
      n.country,
      names([n.country]),
      '',
      '',
      '',
      n.text,
      urls(n.sources),
      titles(n.sources),
      archived(n.sources),
      '',
      '',
      '',
      '',
    ]);
  }
  return rows.map((r) => r.map(neutralizeFormula));
}
