import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { boundariesOf } from '../core/boundaries.ts';
import type { DatasetDocument } from '../core/schemas.ts';
import { coreCountryLookup } from './app/countries/countryLookup.ts';
import { App, countryTable, createAtlas, defaultState, lazyCountryLookup, mainPageUrl } from './app/index.ts';
import { fixedMapSlot } from './app/mapView.tsx';
import type { PageVersion } from './app/version.ts';
import { geometryFileFor, geometryFromFile } from './geometryFile.ts';
import { type MapGeometry, pageGeometryMeta } from './map/index.ts';
import { LOCALE } from './text.ts';

// The page as one HTML document, for the server and the bake alike. The shell (title, headline numbers,
// description, glossary, credits) and the map are pre-rendered, so the page reads and the map is painted
// before any script runs; the dataset document and the map's unit table ride along as JSON for the script
// to pick up (the script reads the map's paths back from the page instead of downloading geometry). Nothing inline is executable or styled: the page
// works under `script-src 'self'; style-src 'self'`.

export type PageAssets = {
  /** Module scripts, the entry first. */
  js: string[];
  css: string[];
  /** Files the page will fetch at once: preloaded so the fetch starts with the HTML. */
  preload?: string[];
};

export type PageOptions = {
  document: DatasetDocument;
  assets: PageAssets;
  /** Embed mode: minimal chrome for an iframe (the /embed route). */
  embed: boolean;
  canonicalUrl?: string;
  /** Where the same document can be fetched as JSON (advertised as a link; the page uses the embedded copy). */
  dataUrl?: string;
  /** The map drawn into the page (default: geometryFromFile()); null leaves it to the script. */
  geometry?: MapGeometry | null;
  /** The readers' suggestions endpoint (`POST`); the page shows "Suggest a correction" as a form when given. */
  suggestUrl?: string;
  /** The published version the page shows (see app/version.ts); none before the first publication. */
  version?: PageVersion | null;
};

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON that cannot end the <script> element it sits in (nor open a comment in it). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function meta(attr: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attr}="${key}" content="${escapeHtml(content)}">`;
}

export function renderPageHtml(opts: PageOptions): string {
  const { document: doc, assets } = opts;
  const { dataset } = doc;
  const countries = coreCountryLookup();
  const table = countryTable(doc, countries);
  // Named as the page names them before its registry loads (the table, then Intl), so the script's first
  // render finds the server's words and has nothing to change.
  const lookup = lazyCountryLookup(table, async () => countries);
  const version = opts.version ?? null;
  const atlas = createAtlas(doc, lookup, opts.canonicalUrl ? mainPageUrl(opts.canonicalUrl) : '', version);
  const geometry =
    opts.geometry === undefined ? geometryFromFile(geometryFileFor(boundariesOf(dataset))) : opts.geometry;
  const body = renderToString(
    h(App, {
      atlas,
      initialState: { ...defaultState(), embed: opts.embed },
      map: geometry ? fixedMapSlot(geometry) : undefined,
    }),
  );
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(dataset.title)}</title>`,
    meta('name', 'description', dataset.description),
    '<meta name="color-scheme" content="light dark">',
    meta('property', 'og:type', 'website'),
    meta('property', 'og:title', dataset.title),
    meta('property', 'og:description', dataset.description),
    opts.canonicalUrl ? meta('property', 'og:url', opts.canonicalUrl) : '',
    meta('name', 'twitter:card', 'summary'),
    opts.canonicalUrl ? `<link rel="canonical" href="${escapeHtml(opts.canonicalUrl)}">` : '',
    opts.embed ? '<meta name="robots" content="noindex">' : '',
    opts.suggestUrl ? meta('name', 'atlas-suggest', opts.suggestUrl) : '',
    '<link rel="icon" href="data:,">',
    `<link rel="license" href="${escapeHtml(dataset.license.url)}">`,
    opts.dataUrl ? `<link rel="alternate" type="application/json" href="${escapeHtml(opts.dataUrl)}">` : '',
    ...(assets.preload ?? []).map(
      (u) => `<link rel="preload" href="${escapeHtml(u)}" as="fetch" crossorigin>`,
    ),
    ...assets.css.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`),
    ...assets.js.map((u) => `<script type="module" src="${escapeHtml(u)}"></script>`),
  ].filter((s) => s !== '');
  return [
    '<!doctype html>',
    `<html lang="${LOCALE}"${opts.embed ? ' data-embed="1"' : ''}>`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    `<div id="atlas-root">${body}</div>`,
    `<script type="application/json" id="atlas-data">${jsonForScript(doc)}</script>`,
    `<script type="application/json" id="atlas-countries">${jsonForScript(table)}</script>`,
    version ? `<script type="application/json" id="atlas-version">${jsonForScript(version)}</script>` : '',
    geometry
      ? `<script type="application/json" id="atlas-map">${jsonForScript(pageGeometryMeta(geometry))}</script>`
      : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** One entry of Vite's build manifest (dist/web/.vite/manifest.json). */
export type ViteManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
  assets?: string[];
};
export type ViteManifest = Record<string, ViteManifestChunk>;

export const ENTRY = 'src/web/main.tsx';

/**
 * The page's assets from Vite's manifest: the entry script and the chunks it imports statically, their
 * CSS. (The geometry asset is not preloaded: the page carries its map.) `base` is the URL prefix of dist/web;
 * `entryKey` another entry of another build (the editor's).
 */
export function assetsFromManifest(manifest: ViteManifest, base = './', entryKey = ENTRY): PageAssets {
  const entry = manifest[entryKey];
  if (entry === undefined) {
    throw new Error(
      `the Vite manifest has no entry for ${entryKey}; build the page with "npx vite build" first`,
    );
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const js: string[] = [];
  const css: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (chunk === undefined || seen.has(key)) return;
    seen.add(key);
    js.push(prefix + chunk.file);
    for (const c of chunk.css ?? []) if (!css.includes(prefix + c)) css.push(prefix + c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(entryKey);
  return { js, css };
}
