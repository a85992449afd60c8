// The browser build of csv-stringify: the package's main entry reads the global `Buffer` when it loads, which a
// browser does not have; this build carries its own, so the map page's download button can use it.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Dataset } from '../../core/schemas.ts';
import { type ExportAgreement, type ExportNote, normalizedRows } from './normalizedRows.ts';

/** The normalized CSV: RFC 4180, CRLF line ends, UTF-8 without BOM, quoted only where needed — and wherever a
 * cell holds a line break of any kind (csv-stringify alone quotes only CRLF, and a spreadsheet program reads a
 * bare LF in an unquoted cell as the end of the row). */
export function serializeCsv(
  dataset: Pick<Dataset, 'categories'>,
  agreements: readonly ExportAgreement[],
  notes: readonly ExportNote[] = [],
): string {
  return stringify(normalizedRows(dataset, agreements, notes), {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}
