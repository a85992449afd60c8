import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest, WEB_ROOT } from '../../src/bake/index.ts';
import type { AgreementId, DatasetId } from '../../src/core/ids.ts';
import { type Agreement, type DatasetDocument, DOCUMENT_SCHEMA } from '../../src/core/schemas.ts';
import { assetsFromManifest, renderPageHtml } from '../../src/web/ssr.ts';
import { syntheticAgreements, syntheticDataset } from '../synthetic.ts';

// A static map page over n synthetic agreements (bench/synthetic.ts: categories treaty / memorandum /
// framework), written as the bake writes a page: the built assets and one index.html carrying the document.

export function syntheticDocument(n: number): DatasetDocument {
  const dataset = syntheticDataset('synthetic');
  const at = '2024-01-01T00:00:00.000Z';
  const agreements: Agreement[] = syntheticAgreements(n).map((a, i) => ({
    ...a,
    id: `syn-${i}` as AgreementId,
    dataset: dataset.id as DatasetId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
  return { schema: DOCUMENT_SCHEMA, dataset, agreements, notes: [] };
}

/** Writes the page into `outDir` (created). Needs the page built (dist/web). */
export async function writeSyntheticSite(outDir: string, n: number): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await cp(join(WEB_ROOT, 'assets'), join(outDir, 'assets'), { recursive: true });
  const html = renderPageHtml({
    document: syntheticDocument(n),
    assets: assetsFromManifest(readManifest(), './'),
    embed: false,
  });
  await writeFile(join(outDir, 'index.html'), html);
}
