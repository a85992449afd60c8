// What the browser may load (the map page's download buttons): serializers with no Node-only imports.
// Guarded by browser.test.ts, which bundles this file for the browser and runs it without Node globals.

export { NORMALIZED_COLUMNS, type NormalizedColumn, neutralizeFormula } from './csv/columns.ts';
export { type ExportAgreement, type ExportNote, normalizedRows } from './csv/normalizedRows.ts';
export { serializeCsv } from './csv/serializeCsv.ts';
export { serializeGeoJson } from './geojson/serializeGeoJson.ts';
export { serializeJson } from './json/serializeJson.ts';
export { type XlsxCell, type XlsxSheet, xlsxSheets } from './xlsx/xlsxSheets.ts';
