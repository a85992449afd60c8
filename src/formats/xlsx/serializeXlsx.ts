import writeXlsxFile from 'write-excel-file/node';
import type { Dataset } from '../../core/schemas.ts';
import type { ExportAgreement, ExportNote } from '../csv/normalizedRows.ts';
import { xlsxSheets } from './xlsxSheets.ts';

/** The normalized table as an .xlsx workbook (Node only; the browser uses xlsxSheets with write-excel-file/browser). */
export async function serializeXlsx(
  dataset: Pick<Dataset, 'categories' | 'title' | 'citation' | 'license' | 'sourceUrl'>,
  agreements: readonly ExportAgreement[],
  notes: readonly ExportNote[] = [],
): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(xlsxSheets(dataset, agreements, notes)).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
