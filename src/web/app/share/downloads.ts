import type { CountryCode } from '../../../core/ids.ts';
import type { Agreement, CountryNote, DatasetDocument } from '../../../core/schemas.ts';
import { saveBlob, saveText } from './saveFile.ts';
import { svgToPng } from './svgToPng.ts';

// The download buttons. Serializers are imported on click, never at start-up: a reader who downloads nothing
// loads none of them (they and write-excel-file are the heaviest code on the page).

export type DataFormat = 'csv' | 'xlsx' | 'json' | 'geojson';
export type ImageFormat = 'svg' | 'png';

export const DATA_FORMATS: readonly DataFormat[] = ['csv', 'xlsx', 'json', 'geojson'];
export const IMAGE_FORMATS: readonly ImageFormat[] = ['svg', 'png'];

/**
 * The notes that go with a selection: all of them when nothing is filtered out, otherwise those about the
 * selection's partner countries (a note on a country outside the selection would be out of place).
 */
export function selectionNotes(
  doc: DatasetDocument,
  agreements: readonly Agreement[],
  everything: boolean,
): CountryNote[] {
  if (everything) return [...doc.notes];
  const partners = new Set<CountryCode>();
  for (const a of agreements) for (const p of a.partners) partners.add(p);
  return doc.notes.filter((n) => partners.has(n.country));
}

export function fileName(datasetId: string, everything: boolean, ext: string): string {
  return `${datasetId}${everything ? '' : '-selection'}.${ext}`;
}

export async function downloadData(
  format: DataFormat,
  doc: DatasetDocument,
  agreements: readonly Agreement[],
  notes: readonly CountryNote[],
  name: string,
): Promise<void> {
  const f = await import('../../../formats/browser.ts');
  const { dataset } = doc;
  if (format === 'csv') {
    saveText(f.serializeCsv(dataset, agreements, notes), 'text/csv;charset=utf-8', name);
  } else if (format === 'json') {
    const text = f.serializeJson({ ...doc, agreements: [...agreements], notes: [...notes] });
    saveText(text, 'application/json', name);
  } else if (format === 'geojson') {
    saveText(f.serializeGeoJson(dataset, agreements, notes), 'application/geo+json', name);
  } else {
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    const blob = await writeXlsxFile(f.xlsxSheets(dataset, agreements, notes)).toBlob();
    saveBlob(blob, name);
  }
}

export async function downloadImage(format: ImageFormat, svg: string, name: string): Promise<void> {
  if (format === 'svg') saveText(svg, 'image/svg+xml', name);
  else saveBlob(await svgToPng(svg), name);
}
