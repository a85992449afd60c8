import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetDocument } from '../../core/schemas.ts';
import { freshnessOf } from '../../web/app/freshness.ts';
import type { PageVersion } from '../../web/app/version.ts';
import { assetsFromManifest, renderPageHtml, type ViteManifest } from '../../web/ssr.ts';
import type { Snapshot } from '../read/snapshots.ts';
import { renderPlaceholder } from './placeholder.ts';

// The public page for a dataset: the pre-rendered map page when the bundle (dist/web) is built, else a plain
// placeholder that still shows the counts. HTML is rendered once per dataset snapshot, page kind and version.

export type PageKind = 'page' | 'embed';

export function readPageManifest(webRoot: string): ViteManifest | null {
  const manifestPath = join(webRoot, '.vite/manifest.json');
  return existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest) : null;
}

export function pageRenderer(
  webRoot: string,
): (snapshot: Snapshot, kind: PageKind, version?: PageVersion | null) => string {
  const manifest = readPageManifest(webRoot);
  const cache = new WeakMap<Snapshot, Map<string, string>>();
  return (snapshot, kind, version = null) => {
    let byKind = cache.get(snapshot);
    if (!byKind) {
      byKind = new Map();
      cache.set(snapshot, byKind);
    }
    const key = `${kind}:${version?.number ?? 0}`;
    let html = byKind.get(key);
    if (html === undefined) {
      html =
        manifest === null
          ? renderPlaceholder({
              dataset: snapshot.dataset,
              stats: snapshot.stats,
              freshness: freshnessOf(snapshot.document),
            })
          : renderPageHtml({
              document: snapshot.document,
              assets: assetsFromManifest(manifest, '/'),
              embed: kind === 'embed',
              dataUrl: `/api/v1/datasets/${encodeURIComponent(snapshot.dataset.id)}/document`,
              suggestUrl: `/api/v1/datasets/${encodeURIComponent(snapshot.dataset.id)}/suggestions`,
              version,
            });
      byKind.set(key, html);
    }
    return html;
  };
}

/** A frozen version's page (/v/N/): its own document and number, assets from the current build. */
export function frozenPageHtml(
  manifest: ViteManifest,
  document: DatasetDocument,
  number: number,
  version: PageVersion,
): string {
  return renderPageHtml({
    document,
    assets: assetsFromManifest(manifest, '/'),
    embed: false,
    dataUrl: `/api/v1/datasets/${encodeURIComponent(document.dataset.id)}/versions/${number}/document`,
    version,
  });
}
