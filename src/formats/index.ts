// The formats package: parse and serialize files. Depends on core only; writes nothing.
// Browser-safe serializers are also exported from ./browser.ts (no Node imports there).

export {
  NORMALIZED_COLUMNS,
  type NormalizedColumn,
  neutralizeFormula,
  restoreFormula,
} from './csv/columns.ts';
export { type ExportAgreement, type ExportNote, normalizedRows } from './csv/normalizedRows.ts';
export { serializeCsv } from './csv/serializeCsv.ts';
export { serializeGeoJson } from './geojson/serializeGeoJson.ts';
export { serializeJson } from './json/serializeJson.ts';
export { MAX_FILE_BYTES } from './limits.ts';
export { parseFile } from './parseFile.ts';
export type { Cell, CountryMatch, FileContainer, FileFormat, GridRow, ParsedFile } from './types.ts';
export { serializeXlsx } from './xlsx/serializeXlsx.ts';
export { type XlsxCell, type XlsxSheet, xlsxSheets } from './xlsx/xlsxSheets.ts';
