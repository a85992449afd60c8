import { Hono } from 'hono';
import { z } from 'zod';
import { BakeError } from '../../bake/bake.ts';
import { PublishBusyError } from '../../bake/publishLease.ts';
import { MAX_NOTE_LENGTH, publishVersion } from '../../bake/publishVersion.ts';
import type { DatasetId } from '../../core/ids.ts';
import type { Store } from '../../store/types.ts';
import { audit } from '../auth/audit.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { HttpError } from '../http/httpError.ts';
import { jsonBody } from '../http/jsonBody.ts';
import type { DatasetSnapshots } from '../read/snapshots.ts';
import { knownDataset } from './versionRoutes.ts';

// Publishing: the public map is live as soon as a record changes; Publish records a numbered version of a
// dataset (a frozen copy readers can cite at /v/N/, listed in the change log) and, where the operator configured
// a folder (ATLAS_PUBLISH_DIR), writes the static copy (the same files as `atlas bake`) for a plain static host.
// One publication runs at a time across every server process (a lease in the database): a second gets 409.

export type PublishConfig = {
  /** Where the baked site goes; no static copy without it (versions are recorded all the same). */
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

export const PublishBodySchema = z
  .object({
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
    dataset: z.string().min(1).optional(),
  })
  .strict();

export function publishRoutes({ store, snapshots, config, defaultDataset }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const editor = requireEditor(store);

  app.get('/', editor, async (c) => {
    const datasets = await store.listDatasets();
    const versions = await Promise.all(datasets.map((d) => store.listVersions(d.id)));
    c.header('Cache-Control', 'no-store');
    return c.json({
      configured: config !== null,
      siteUrl: config?.siteUrl ?? null,
      datasets: datasets.map((d, i) => ({
        id: d.id,
        title: d.title,
        lastPublished: d.lastPublished,
        versions: (versions[i] ?? []).map((v) => ({
          number: v.number,
          publishedAt: v.publishedAt,
          note: v.note,
          added: v.changes.added.length,
          changed: v.changes.changed.length,
          removed: v.changes.removed.length,
        })),
      })),
    });
  });

  app.post('/', editor, async (c) => {
    // An empty body publishes the default dataset without a note (as the editor did before notes existed).
    const body = c.req.header('content-type') === undefined ? {} : await jsonBody(c, PublishBodySchema);
    const main = await defaultDataset();
    const dataset =
      body.dataset !== undefined ? await knownDataset(store, body.dataset) : (main ?? undefined);
    try {
      const result = await publishVersion({
        store,
        ...(dataset ? { dataset } : {}),
        ...(body.note ? { note: body.note } : {}),
        by: c.get('user').email,
        bake: config
          ? {
              outDir: config.dir,
              ...(main ? { defaultDataset: main } : {}),
              ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}),
              ...(config.webRoot ? { webRoot: config.webRoot } : {}),
            }
          : null,
      });
      snapshots.invalidate();
      const v = result.version;
      await audit(c, store, 'publish', {
        dataset: result.dataset,
        version: v.number,
        created: result.created,
        files: result.bake?.files ?? 0,
      });
      return c.json(
        {
          created: result.created,
          message: result.created
            ? `published version ${v.number}`
            : `nothing changed since version ${v.number}; no new version`,
          dataset: result.dataset,
          version: v,
          publishedAt: v.publishedAt,
          baked: result.bake !== null,
          files: result.bake?.files ?? 0,
          bytes: result.bake?.bytes ?? 0,
          gzipBytes: result.bake?.gzipBytes ?? 0,
          siteUrl: config?.siteUrl ?? null,
        },
        result.created ? 201 : 200,
      );
    } catch (e) {
      if (e instanceof PublishBusyError) throw new HttpError(409, 'busy', e.message);
      if (e instanceof BakeError) throw new HttpError(409, 'publish_failed', e.message);
      throw e;
    }
  });

  return app;
}
