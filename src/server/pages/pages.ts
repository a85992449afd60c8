import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshnessOf } from '../../web/app/freshness.ts';
import { assetsFromManifest, renderPageHtml, type ViteManifest } from '../../web/ssr.ts';
import type { Snapshot } from '../read/snapshots.ts';
import { renderPlaceholder } from './placeholder.ts';

// The public page for a dataset: the pre-rendered map page when the bundle (dist/web) is built, else a plain
// placeholder that still shows the counts. HTML is rendered once per dataset snapshot and page kind.

export type PageKind = 'page' | 'embed';

export function pageRenderer(webRoot: string): (snapshot: Snapshot, kind: PageKind) => string {
  const manifestPath = join(webRoot, '.vite/manifest.json');
  const manifest: ViteManifest | null = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest)
    : null;
  const cache = new WeakMap<Snapshot, Map<PageKind, string>>();
  return (snapshot, kind) => {
    let byKind = cache.get(snapshot);
    if (!byKind) {
      byKind = new Map();
      cache.set(snapshot, byKind);
    }
    let html = byKind.get(kind);
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
            });
      byKind.set(kind, html);
    }
    return html;
  };
}
