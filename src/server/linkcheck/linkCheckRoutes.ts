import { Hono } from 'hono';
import type { DatasetId } from '../../core/ids.ts';
import { DEFAULT_ARCHIVE_API } from '../../linkcheck/archive.ts';
import { checkLinks, type LinkReport } from '../../linkcheck/checkLinks.ts';
import type { Store } from '../../store/types.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { datasetOf } from '../editing/editorShared.ts';
import { HttpError } from '../http/httpError.ts';
import type { Logger } from '../http/logger.ts';
import type { DatasetSnapshots } from '../read/snapshots.ts';

// The editor's "Check links": the same check as `atlas links check --archive`, run in the background on the
// server, one at a time per dataset. It never fetches loopback, private or link-local addresses — whatever a
// sheet says, the server's own network is not reachable through it.

export type LinkCheckConfig = {
  /** Per URL (default 15 s). */
  timeoutMs?: number;
  concurrency?: number;
  /** A Wayback-availability-compatible API (default: ATLAS_ARCHIVE_API, else archive.org's); null: none. */
  archiveApi?: string | null;
};

export type LinkCheckState = {
  running: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  startedBy: string | null;
  done: number;
  total: number;
  /** The last finished check's counts (results left out: the editor reads them from the records). */
  summary: Omit<LinkReport, 'results'> | null;
  error: string | null;
};

const idle = (): LinkCheckState => ({
  running: false,
  startedAt: null,
  finishedAt: null,
  startedBy: null,
  done: 0,
  total: 0,
  summary: null,
  error: null,
});

type Deps = { store: Store; snapshots: DatasetSnapshots; logger: Logger; config?: LinkCheckConfig };

/** Mounted at /api/v1/datasets: GET and POST /:id/links/check. */
export function linkCheckRoutes({ store, snapshots, logger, config = {} }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const states = new Map<DatasetId, LinkCheckState>();

  app.get('/:id/links/check', requireEditor(store), async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    c.header('Cache-Control', 'no-store');
    return c.json(states.get(dataset.id) ?? idle());
  });

  app.post('/:id/links/check', requireEditor(store), async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    const current = states.get(dataset.id);
    if (current?.running)
      throw new HttpError(409, 'busy', 'a link check of this dataset is running; wait for it to finish');
    const state: LinkCheckState = {
      ...idle(),
      running: true,
      startedAt: new Date().toISOString(),
      startedBy: c.get('user').email,
    };
    states.set(dataset.id, state);
    const archiveApi =
      config.archiveApi === undefined
        ? process.env.ATLAS_ARCHIVE_API?.trim() || DEFAULT_ARCHIVE_API
        : config.archiveApi;
    // Not awaited: the answer says it started; GET says how far it is.
    void checkLinks(store, dataset.id, {
      concurrency: config.concurrency ?? 8,
      timeoutMs: config.timeoutMs ?? 15_000,
      allowPrivate: false,
      archive: archiveApi !== null,
      archiveApi: archiveApi ?? DEFAULT_ARCHIVE_API,
      onProgress: (done, total) => {
        state.done = done;
        state.total = total;
      },
    })
      .then(
        ({ results: _results, ...summary }) => {
          state.summary = summary;
          snapshots.invalidate(dataset.id);
        },
        (err: unknown) => {
          logger.error({ err }, 'link check failed');
          state.error = 'the link check failed; the server log has the details';
        },
      )
      .finally(() => {
        state.running = false;
        state.finishedAt = new Date().toISOString();
      });
    c.header('Cache-Control', 'no-store');
    return c.json(state, 202);
  });

  return app;
}
