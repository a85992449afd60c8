import type { Dataset } from '../../core/schemas.ts';
import { neutralizeFormula } from '../csv/columns.ts';
import { type ExportAgreement, type ExportNote, normalizedRows } from '../csv/normalizedRows.ts';

// The workbook's layout, as plain data that both write-excel-file/node (serializeXlsx) and write-excel-file/browser
// (the map page's download button) accept: the normalized table, then an "About" sheet with the citation and
// licence the data is shared under. Every cell is written as text, so nothing is ever evaluated as a formula.
// Browser-safe.

export type XlsxCell = { value: string; type: StringConstructor; fontWeight?: 'bold'; wrap?: boolean } | null;
export type XlsxSheet = {
  sheet: string;
  data: XlsxCell[][];
  columns: Array<{ width: number }>;
  stickyRowsCount?: number;
};

const WIDTHS: Record<string, number> = {
  summary: 60,
  source_urls: 50,
  source_titles: 30,
  source_archived_urls: 50,
  title: 30,
  partner_names: 24,
};

function cell(value: string, bold: boolean): XlsxCell {
  if (value === '') return null;
  return bold
    ? { value, type: String, fontWeight: 'bold' }
    : { value, type: String, wrap: value.includes('\n') };
}

export function xlsxSheets(
  dataset: Pick<Dataset, 'categories' | 'title' | 'citation' | 'license' | 'sourceUrl'>,
  agreements: readonly ExportAgreement[],
  notes: readonly ExportNote[] = [],
): XlsxSheet[] {
  const rows = normalizedRows(dataset, agreements, notes);
  const header = rows[0] ?? [];
  const about = [
    ['Title', dataset.title],
    ['Citation', dataset.citation],
    ['Licence', `${dataset.license.name} ${dataset.license.url}`],
    ['Source', dataset.sourceUrl ?? ''],
  ].map(([k, v]) => [cell(k ?? '', true), cell(neutralizeFormula(v ?? ''), false)]);
  return [
    {
      sheet: 'Agreements',
      data: rows.map((r, i) => r.map((v) => cell(v, i === 0))),
      columns: header.map((h) => ({ width: WIDTHS[h] ?? 14 })),
      stickyRowsCount: 1,
    },
    { sheet: 'About', data: about, columns: [{ width: 12 }, { width: 100 }] },
  ];
}
