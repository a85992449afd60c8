import { Hono } from 'hono';
import { frozenVersion, liveVersion, renderChangesFeed, renderChangesPage } from '../../bake/index.ts';
import type { DatasetId } from '../../core/ids.ts';
import type { DatasetDocument } from '../../core/schemas.ts';
import type { Store } from '../../store/types.ts';
import type { PageVersion } from '../../web/app/version.ts';
import { assetsFromManifest } from '../../web/ssr.ts';
import { HttpError } from '../http/httpError.ts';
import { knownDataset, versionNumber } from '../publish/versionRoutes.ts';
import { frozenPageHtml, readPageManifest } from './pages.ts';

// The pages of published versions on the live server, at the paths `atlas bake` writes: /v/N/ (a frozen page
// that never changes), /changes/ (the change log) and /changes.atom (its feed); /d/ID/… for other datasets.

type Deps = {
  store: Store;
  webRoot: string;
  defaultDataset: () => Promise<DatasetId | null>;
};

const FROZEN_CACHE = 'public, max-age=3600';
const CHANGES_CACHE = 'public, max-age=60';

export function versionPages({ store, webRoot, defaultDataset }: Deps): Hono {
  const app = new Hono();
  const manifest = readPageManifest(webRoot);
  // Frozen pages never change; a few are kept rendered (the newest first in line to be asked for).
  const frozen = new Map<string, string>();

  const datasetOf = async (param: string | undefined): Promise<DatasetId> => {
    if (param !== undefined) return knownDataset(store, param);
    const id = await defaultDataset();
    if (id === null) throw new HttpError(404, 'not_found', 'no such dataset');
    return id;
  };

  const frozenPage = async (id: DatasetId, n: number): Promise<string> => {
    const key = `${id}\u0000${n}`;
    const cached = frozen.get(key);
    if (cached !== undefined) return cached;
    const text = await store.getVersionDocument(id, n);
    if (text === null) throw new HttpError(404, 'not_found', `version ${n} has not been published`);
    if (manifest === null)
      throw new HttpError(503, 'not_built', 'the map page is not built on this server (npm run build)');
    const doc = JSON.parse(text) as DatasetDocument;
    const versions = await store.listVersions(id);
    const v = versions.find((x) => x.number === n) ?? {
      number: n,
      publishedAt: doc.dataset.lastPublished ?? '',
    };
    const html = frozenPageHtml(manifest, doc, n, frozenVersion(v));
    if (frozen.size >= 8) frozen.delete(frozen.keys().next().value as string);
    frozen.set(key, html);
    return html;
  };

  const changes = async (id: DatasetId): Promise<string> => {
    const dataset = await store.getDataset(id);
    if (dataset === null) throw new HttpError(404, 'not_found', 'no such dataset');
    const css = manifest === null ? [] : assetsFromManifest(manifest, '/').css;
    return renderChangesPage({ dataset, versions: await store.listVersions(id), css });
  };

  const feed = async (id: DatasetId, selfUrl: string): Promise<string> => {
    const dataset = await store.getDataset(id);
    if (dataset === null) throw new HttpError(404, 'not_found', 'no such dataset');
    return renderChangesFeed({ dataset, versions: await store.listVersions(id), selfUrl });
  };
  const atom = { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': CHANGES_CACHE };

  for (const prefix of ['', '/d/:datasetId']) {
    app.get(`${prefix}/v/:n`, (c) => c.redirect(`${c.req.path}/`, 301));
    app.get(`${prefix}/v/:n/`, async (c) => {
      const id = await datasetOf(c.req.param('datasetId'));
      return c.html(await frozenPage(id, versionNumber(c.req.param('n'))), 200, {
        'Cache-Control': FROZEN_CACHE,
      });
    });
    app.get(`${prefix}/changes`, (c) => c.redirect(`${c.req.path}/`, 301));
    app.get(`${prefix}/changes/`, async (c) => {
      const id = await datasetOf(c.req.param('datasetId'));
      return c.html(await changes(id), 200, { 'Cache-Control': CHANGES_CACHE });
    });
    app.get(`${prefix}/changes.atom`, async (c) => {
      const id = await datasetOf(c.req.param('datasetId'));
      return c.body(await feed(id, c.req.url), 200, atom);
    });
  }
  return app;
}

/** The version a dataset's live page names (its latest), looked up once per page snapshot by the caller. */
export async function latestPageVersion(store: Store, id: DatasetId): Promise<PageVersion | null> {
  return liveVersion((await store.listVersions(id))[0]);
}
