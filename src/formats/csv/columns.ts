// The normalized table: one row per record, the same columns in CSV and XLSX. Documented in docs/formats.md.
// Browser-safe: no Node imports.

export const NORMALIZED_COLUMNS = [
  'kind',
  'id',
  'category',
  'partners',
  'partner_names',
  'title',
  'date',
  'date_text',
  'summary',
  'source_urls',
  'source_titles',
  'source_archived_urls',
  'non_governmental',
  'multilateral',
  'mentions_only',
  'status',
] as const;
export type NormalizedColumn = (typeof NORMALIZED_COLUMNS)[number];

/** Without these an import cannot know what a row is; the others have defaults. */
export const REQUIRED_COLUMNS: readonly NormalizedColumn[] = ['category', 'partners'];

/** "Source URLs", "source-urls" and "SOURCE_URLS" all name the column source_urls. */
export function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function isNormalizedColumn(key: string): key is NormalizedColumn {
  return (NORMALIZED_COLUMNS as readonly string[]).includes(key);
}

/** A header row is the normalized table's when it has "category" or "partners" and at least one other known column. */
export function isNormalizedHeader(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(headerKey));
  const known = [...keys].filter(isNormalizedColumn).length;
  return (keys.has('category') || keys.has('partners')) && known >= 2;
}

// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / CR before one) as a formula.
// Export puts an apostrophe in front; import removes one. Cells that already start with apostrophes before such
// a character get one more, so every value survives a round trip exactly.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreFormula(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}
