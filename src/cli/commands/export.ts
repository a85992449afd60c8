import { writeFile } from 'node:fs/promises';
import { DOCUMENT_SCHEMA } from '../../core/schemas.ts';
import { serializeCsv, serializeGeoJson, serializeJson, serializeXlsx } from '../../formats/index.ts';
import { parseDatasetId, storeDataset, withStore } from '../context.ts';
import { DataError, EXIT_OK, UsageError } from '../errors.ts';
import type { Out } from '../output.ts';

export const EXPORT_FORMATS = ['csv', 'json', 'geojson', 'xlsx'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function exportCommand(
  opts: { format?: string; out?: string; dataset?: string },
  out: Out,
): Promise<number> {
  const format = (opts.format ?? 'json').toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format "${opts.format}" is not supported; use one of: ${EXPORT_FORMATS.join(', ')}`,
    );
  }
  if (format === 'xlsx' && !opts.out && process.stdout.isTTY) {
    throw new UsageError(
      'an XLSX file is binary; give --out FILE.xlsx (or redirect standard output to a file)',
    );
  }
  const body = await withStore(async (store): Promise<string | Uint8Array> => {
    // A read: a database with no dataset yet gets none written.
    const dataset = await storeDataset(store, parseDatasetId(opts.dataset), undefined, { persist: false });
    const [agreements, notes] = await Promise.all([
      store.listAgreements(dataset.id),
      store.listNotes(dataset.id),
    ]);
    switch (format as ExportFormat) {
      case 'csv':
        return serializeCsv(dataset, agreements, notes);
      case 'geojson':
        return serializeGeoJson(dataset, agreements, notes);
      case 'xlsx':
        return serializeXlsx(dataset, agreements, notes);
      default:
        return serializeJson({ schema: DOCUMENT_SCHEMA, dataset, agreements, notes });
    }
  });
  if (opts.out) {
    try {
      await writeFile(opts.out, body);
    } catch (e) {
      throw new DataError(
        `${opts.out}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    process.stderr.write(`wrote ${opts.out}\n`);
  } else if (typeof body === 'string') out.stdout(body);
  else process.stdout.write(body);
  return EXIT_OK;
}
