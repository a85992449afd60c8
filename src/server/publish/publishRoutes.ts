import { Hono } from 'hono';
import { BakeError, bakeSite } from '../../bake/bake.ts';
import type { DatasetId } from '../../core/ids.ts';
import type { Store } from '../../store/types.ts';
import { audit } from '../auth/audit.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { HttpError } from '../http/httpError.ts';
import type { DatasetSnapshots } from '../read/snapshots.ts';

// Publishing: the public map is live as soon as a record changes, and a researcher may also publish the static
// copy (the same files as `atlas bake`) into the folder the operator configured (ATLAS_PUBLISH_DIR), which a
// plain static host serves. One publication runs at a time.

export type PublishConfig = {
  /** Where the baked site goes; publishing is off without it. */
  dir: string;
  /** The address the static copy will have, for canonical links. */
  siteUrl?: string;
  /** Where the built map page is (dist/web). */
  webRoot?: string;
};

type Deps = {
  store: Store;
  snapshots: DatasetSnapshots;
  config: PublishConfig | null;
  defaultDataset: () => Promise<DatasetId | null>;
};

export function publishRoutes({ store, snapshots, config, defaultDataset }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const editor = requireEditor(store);
  let running: Promise<unknown> | null = null;

  app.get('/', editor, async (c) => {
    const datasets = await store.listDatasets();
    c.header('Cache-Control', 'no-store');
    return c.json({
      configured: config !== null,
      siteUrl: config?.siteUrl ?? null,
      datasets: datasets.map((d) => ({ id: d.id, title: d.title, lastPublished: d.lastPublished })),
    });
  });

  app.post('/', editor, async (c) => {
    if (config === null)
      throw new HttpError(
        409,
        'not_configured',
        'publishing a static copy is not set up on this server: the operator sets ATLAS_PUBLISH_DIR (and ATLAS_SITE_URL) and restarts it. The live map already shows every change.',
      );
    if (running !== null) throw new HttpError(409, 'busy', 'a publication is running; try again in a moment');
    const main = await defaultDataset();
    const work = bakeSite({
      store,
      outDir: config.dir,
      ...(main ? { defaultDataset: main } : {}),
      ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}),
      ...(config.webRoot ? { webRoot: config.webRoot } : {}),
    });
    running = work;
    try {
      const result = await work;
      snapshots.invalidate();
      await audit(c, store, 'publish', { datasets: result.datasets, files: result.files });
      const datasets = await store.listDatasets();
      return c.json({
        datasets: result.datasets,
        files: result.files,
        bytes: result.bytes,
        gzipBytes: result.gzipBytes,
        publishedAt: datasets[0]?.lastPublished ?? null,
        siteUrl: config.siteUrl ?? null,
      });
    } catch (e) {
      if (e instanceof BakeError) throw new HttpError(409, 'publish_failed', e.message);
      throw e;
    } finally {
      running = null;
    }
  });

  return app;
}
