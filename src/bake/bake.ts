import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DatasetId } from '../core/ids.ts';
import { type DatasetDocument, DOCUMENT_SCHEMA } from '../core/schemas.ts';
import { serializeCsv, serializeGeoJson, serializeJson } from '../formats/index.ts';
import type { Store } from '../store/types.ts';
import { assetsFromManifest, renderPageHtml } from '../web/ssr.ts';
import { readManifest, WEB_ROOT } from './webBuild.ts';

// Writes the public site as plain files that any static host serves (nginx, a CDN, GitHub Pages): the page for
// each dataset (and its embed variant), the bundled scripts, styles and geometry, the data as JSON, CSV and
// GeoJSON, and a precompressed .gz beside every text file. The site is written to a fresh folder first and
// swapped in at the end, so a failed bake never leaves a half-written site.

export const BAKE_MARKER = '.accord-atlas-site';
const COMPRESSIBLE = /\.(html|js|mjs|css|json|geojson|csv|svg|txt|xml)$/;

export type BakeOptions = {
  store: Store;
  outDir: string;
  webRoot?: string;
  /** The dataset served at the site's root; others go under d/<id>/. Default: the first dataset. */
  defaultDataset?: DatasetId;
  now?: Date;
  /** Absolute URL where the site will live, for canonical links (optional). */
  siteUrl?: string;
  /**
   * The live server's address (default: ATLAS_SUGGEST_URL): the baked page's "Suggest a correction" form
   * posts there (cross-origin). Without it the page links to the researchers instead.
   */
  suggestUrl?: string;
};

export type BakeResult = {
  outDir: string;
  datasets: string[];
  files: number;
  bytes: number;
  gzipBytes: number;
};

export class BakeError extends Error {
  override name = 'BakeError';
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}

function pagePrefix(depth: number): string {
  return depth === 0 ? './' : '../'.repeat(depth);
}

export async function bakeSite(opts: BakeOptions): Promise<BakeResult> {
  const webRoot = opts.webRoot ?? WEB_ROOT;
  const manifest = readManifest(webRoot);
  const suggestRaw = opts.suggestUrl ?? process.env.ATLAS_SUGGEST_URL?.trim() ?? '';
  let suggestBase: string | null = null;
  if (suggestRaw !== '') {
    try {
      // A base URL ends in "/", so the API path is added to it, not put in place of its last segment.
      suggestBase = new URL(suggestRaw.endsWith('/') ? suggestRaw : `${suggestRaw}/`).href;
    } catch {
      throw new BakeError(
        `ATLAS_SUGGEST_URL "${suggestRaw}" is not a URL; give the live server's address, e.g. https://atlas.example.org/`,
      );
    }
    if (!/^https?:$/.test(new URL(suggestBase).protocol))
      throw new BakeError(`ATLAS_SUGGEST_URL "${suggestRaw}" must be an http(s) address`);
  }
  const datasets = await opts.store.listDatasets();
  if (datasets.length === 0)
    throw new BakeError('the database has no dataset to bake; import one first (atlas import FILE)');
  const main = opts.defaultDataset ? datasets.find((d) => d.id === opts.defaultDataset) : datasets[0];
  if (!main)
    throw new BakeError(
      `there is no dataset "${opts.defaultDataset}"; known: ${datasets.map((d) => d.id).join(', ')}`,
    );
  if (
    existsSync(opts.outDir) &&
    (await readdir(opts.outDir)).length > 0 &&
    !existsSync(join(opts.outDir, BAKE_MARKER))
  ) {
    throw new BakeError(`${opts.outDir} exists and is not a baked site; choose an empty or new folder`);
  }
  const now = (opts.now ?? new Date()).toISOString();
  const staging = `${opts.outDir.replace(/\/+$/, '')}.baking-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await cp(join(webRoot, 'assets'), join(staging, 'assets'), { recursive: true });
    await mkdir(join(staging, 'data'), { recursive: true });
    for (const dataset of datasets) {
      const [agreements, notes] = await Promise.all([
        opts.store.listAgreements(dataset.id),
        opts.store.listNotes(dataset.id),
      ]);
      const published = { ...dataset, lastPublished: now };
      const doc: DatasetDocument = { schema: DOCUMENT_SCHEMA, dataset: published, agreements, notes };
      await writeFile(join(staging, 'data', `${dataset.id}.json`), serializeJson(doc));
      await writeFile(join(staging, 'data', `${dataset.id}.csv`), serializeCsv(published, agreements, notes));
      await writeFile(
        join(staging, 'data', `${dataset.id}.geojson`),
        serializeGeoJson(published, agreements, notes),
      );
      const base = dataset.id === main.id ? '' : `d/${dataset.id}/`;
      for (const embed of [false, true]) {
        const dir = `${base}${embed ? 'embed/' : ''}`;
        const depth = dir.split('/').filter(Boolean).length;
        const prefix = pagePrefix(depth);
        const html = renderPageHtml({
          document: doc,
          assets: assetsFromManifest(manifest, prefix),
          embed,
          dataUrl: `${prefix}data/${dataset.id}.json`,
          ...(suggestBase
            ? {
                suggestUrl: new URL(
                  `api/v1/datasets/${encodeURIComponent(dataset.id)}/suggestions`,
                  suggestBase,
                ).href,
              }
            : {}),
          ...(opts.siteUrl ? { canonicalUrl: new URL(dir, opts.siteUrl).href } : {}),
        });
        await mkdir(join(staging, dir), { recursive: true });
        await writeFile(join(staging, dir, 'index.html'), html);
      }
      await opts.store.putDataset(published, { actor: 'bake', reason: 'published (baked to static files)' });
    }
    await writeFile(
      join(staging, BAKE_MARKER),
      `Generated by \`atlas bake\` at ${now}. Do not edit: bake again.\n`,
    );
    let bytes = 0;
    let gzipBytes = 0;
    const files = await listFiles(staging);
    for (const f of files) {
      const body = await readFile(f);
      bytes += body.length;
      if (COMPRESSIBLE.test(f)) {
        const gz = gzipSync(body, { level: 9 });
        gzipBytes += gz.length;
        await writeFile(`${f}.gz`, gz);
      }
    }
    // Swap the finished site in.
    const old = `${opts.outDir.replace(/\/+$/, '')}.old-${process.pid}`;
    if (existsSync(opts.outDir)) await rename(opts.outDir, old);
    await mkdir(dirname(opts.outDir), { recursive: true });
    await rename(staging, opts.outDir);
    await rm(old, { recursive: true, force: true });
    return {
      outDir: opts.outDir,
      datasets: datasets.map((d) => d.id),
      files: files.length,
      bytes,
      gzipBytes,
    };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

export async function siteFiles(outDir: string): Promise<string[]> {
  return (await listFiles(outDir)).map((f) => relative(outDir, f)).sort();
}
