import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DatasetId } from '../core/ids.ts';
import { type DatasetDocument, DOCUMENT_SCHEMA } from '../core/schemas.ts';
import { serializeCsv, serializeGeoJson, serializeJson } from '../formats/index.ts';
import type { Store, VersionSummary } from '../store/types.ts';
import type { PageVersion } from '../web/app/version.ts';
import { assetsFromManifest, renderPageHtml, type ViteManifest } from '../web/ssr.ts';
import { renderChangesFeed } from './changesFeed.ts';
import { renderChangesPage } from './changesPage.ts';
import { withPublishLease } from './publishLease.ts';
import { readManifest, WEB_ROOT } from './webBuild.ts';

// Writes the public site as plain files that any static host serves (nginx, a CDN, GitHub Pages): the page for
// each dataset (and its embed variant), the bundled scripts, styles and geometry, the data as JSON, CSV and
// GeoJSON, every published version's frozen page (v/N/) and data, the change log (changes/) and its Atom feed
// (changes.atom), and a precompressed .gz beside every text file. The site is written to a fresh folder of its
// own (a unique name beside the target) and swapped in whole by two renames at the end, so a failed bake never
// leaves a half-written site and two bakes never write into one folder.

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
  /** The caller already holds the publish lease (publishVersion); else the bake takes it. */
  leaseHeld?: boolean;
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

const depthOf = (dir: string): number => dir.split('/').filter(Boolean).length;

/** The version facts a dataset's live page carries: hrefs relative to the dataset's main page. */
export function liveVersion(latest: VersionSummary | undefined): PageVersion | null {
  if (latest === undefined) return null;
  return {
    number: latest.number,
    publishedAt: latest.publishedAt,
    frozen: false,
    frozenHref: `v/${latest.number}/`,
    latestHref: './',
    changesHref: 'changes/',
  };
}

/** The version facts of a frozen page (<main page>/v/N/): hrefs relative to that page. */
export function frozenVersion(v: Pick<VersionSummary, 'number' | 'publishedAt'>): PageVersion {
  return {
    number: v.number,
    publishedAt: v.publishedAt,
    frozen: true,
    frozenHref: './',
    latestHref: '../../',
    changesHref: '../../changes/',
  };
}

/** Leftovers of bakes that were killed (their staging or old folders): removed before a new bake starts. */
async function removeLeftovers(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const name = basename(outDir);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`${name}.baking-`) || entry.startsWith(`${name}.old-`))
      await rm(join(parent, entry), { recursive: true, force: true });
  }
}

type VersionWriter = {
  staging: string;
  manifest: ViteManifest;
  siteUrl: string | undefined;
  write: (path: string, body: string) => Promise<void>;
};

/** Every version's frozen page and data, the change log and the feed of one dataset, under `base`. */
async function writeVersions(
  w: VersionWriter,
  store: Store,
  dataset: DatasetDocument['dataset'],
  base: string,
  versions: readonly VersionSummary[],
): Promise<void> {
  for (const v of versions) {
    const text = await store.getVersionDocument(dataset.id, v.number);
    if (text === null) continue;
    const frozen = JSON.parse(text) as DatasetDocument;
    const dir = `${base}v/${v.number}/`;
    const prefix = pagePrefix(depthOf(dir));
    await w.write(`data/${dataset.id}/v${v.number}.json`, text);
    const html = renderPageHtml({
      document: frozen,
      assets: assetsFromManifest(w.manifest, prefix),
      embed: false,
      dataUrl: `${prefix}data/${dataset.id}/v${v.number}.json`,
      version: frozenVersion(v),
      ...(w.siteUrl ? { canonicalUrl: new URL(dir, w.siteUrl).href } : {}),
    });
    await w.write(`${dir}index.html`, html);
  }
  const changesPrefix = pagePrefix(depthOf(`${base}changes/`));
  await w.write(
    `${base}changes/index.html`,
    renderChangesPage({ dataset, versions, css: assetsFromManifest(w.manifest, changesPrefix).css }),
  );
  await w.write(
    `${base}changes.atom`,
    renderChangesFeed({
      dataset,
      versions,
      ...(w.siteUrl ? { selfUrl: new URL(`${base}changes.atom`, w.siteUrl).href } : {}),
    }),
  );
}

/** Bakes the site while holding the publish lease, so no other bake or publication writes beside it. */
export function bakeSite(opts: BakeOptions): Promise<BakeResult> {
  return opts.leaseHeld ? bakeLeased(opts) : withPublishLease(opts.store, () => bakeLeased(opts));
}

async function bakeLeased(opts: BakeOptions): Promise<BakeResult> {
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
  const outDir = opts.outDir.replace(/\/+$/, '');
  await removeLeftovers(outDir);
  await mkdir(dirname(outDir), { recursive: true });
  const staging = await mkdtemp(`${outDir}.baking-`);
  const write = async (path: string, body: string): Promise<void> => {
    await mkdir(dirname(join(staging, path)), { recursive: true });
    await writeFile(join(staging, path), body);
  };
  try {
    await cp(join(webRoot, 'assets'), join(staging, 'assets'), { recursive: true });
    await mkdir(join(staging, 'data'), { recursive: true });
    for (const dataset of datasets) {
      const [agreements, notes] = await Promise.all([
        opts.store.listAgreements(dataset.id),
        opts.store.listNotes(dataset.id),
      ]);
      const versions = await opts.store.listVersions(dataset.id);
      // A published dataset is as of its latest version (publishVersion stored that time); one never published
      // as of this bake, as before versions existed.
      const published = { ...dataset, lastPublished: versions[0]?.publishedAt ?? now };
      const doc: DatasetDocument = { schema: DOCUMENT_SCHEMA, dataset: published, agreements, notes };
      await writeFile(join(staging, 'data', `${dataset.id}.json`), serializeJson(doc));
      await writeFile(join(staging, 'data', `${dataset.id}.csv`), serializeCsv(published, agreements, notes));
      await writeFile(
        join(staging, 'data', `${dataset.id}.geojson`),
        serializeGeoJson(published, agreements, notes),
      );
      const base = dataset.id === main.id ? '' : `d/${dataset.id}/`;
      await writeVersions(
        { staging, manifest, siteUrl: opts.siteUrl, write },
        opts.store,
        published,
        base,
        versions,
      );
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
          version: liveVersion(versions[0]),
          ...(opts.siteUrl ? { canonicalUrl: new URL(dir, opts.siteUrl).href } : {}),
        });
        await mkdir(join(staging, dir), { recursive: true });
        await writeFile(join(staging, dir, 'index.html'), html);
      }
      if (dataset.lastPublished !== published.lastPublished)
        await opts.store.putDataset(published, {
          actor: 'bake',
          reason: 'published (baked to static files)',
        });
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
    // Swap the finished site in: the old folder steps aside under a unique name and the new one takes its
    // place, two renames in the same parent folder (no file is ever copied into the live folder).
    const old = `${staging.replace('.baking-', '.old-')}`;
    if (existsSync(outDir)) await rename(outDir, old);
    await rename(staging, outDir);
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
