import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { DatasetId } from '../core/ids.ts';
import type { Store } from '../store/types.ts';
import type { PageVersion } from '../web/app/version.ts';
import { auditRoutes } from './auth/auditRoutes.ts';
import { datasetAccess } from './auth/datasetAccess.ts';
import { LoginLimiter, type LoginLimits } from './auth/loginLimiter.ts';
import { sessionRoutes } from './auth/sessionRoutes.ts';
import { userRoutes } from './auth/userRoutes.ts';
import { agreementWriteRoutes } from './editing/agreementWriteRoutes.ts';
import { datasetSettingsRoutes } from './editing/datasetSettings.ts';
import { datasetWriteRoutes } from './editing/datasetWriteRoutes.ts';
import type { Importer } from './editing/editorShared.ts';
import { noteWriteRoutes } from './editing/noteWriteRoutes.ts';
import { clientInfo, type TrustProxy } from './http/clientAddress.ts';
import { createErrorHandler, notFoundHandler } from './http/errorHandler.ts';
import { sendHtml, sendJson } from './http/httpCache.ts';
import { HttpError } from './http/httpError.ts';
import { type Logger, silentLogger } from './http/logger.ts';
import { originCheck } from './http/originCheck.ts';
import { readCors } from './http/readCors.ts';
import { refuseNul } from './http/refuseNul.ts';
import { securityHeaders } from './http/security.ts';
import { type LinkCheckConfig, linkCheckRoutes } from './linkcheck/linkCheckRoutes.ts';
import { buildOpenApi } from './openapi/openapi.ts';
import { editorPage } from './pages/editorPage.ts';
import { type PageKind, pageRenderer } from './pages/pages.ts';
import { staticAssets } from './pages/staticAssets.ts';
import { latestPageVersion, versionPages } from './pages/versionPages.ts';
import { type PublishConfig, publishRoutes } from './publish/publishRoutes.ts';
import { versionRoutes } from './publish/versionRoutes.ts';
import { agreementRoutes } from './read/agreementRoutes.ts';
import { countryDirectory } from './read/countryDirectory.ts';
import { datasetRoutes } from './read/datasetRoutes.ts';
import { renderers } from './read/renderers.ts';
import { DatasetSnapshots, type Snapshot } from './read/snapshots.ts';
import type { SuggestionLimiter } from './suggestions/suggestionLimiter.ts';
import { suggestionCors, suggestionDatasetRoutes, suggestionRoutes } from './suggestions/suggestionRoutes.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
export const DEFAULT_EDITOR_ROOT = fileURLToPath(new URL('../../dist/editor/', import.meta.url));

export type AppOptions = {
  store: Store;
  logger?: Logger;
  /** Dataset shown at `/`; the first dataset the store lists when unset. */
  defaultDataset?: string;
  /** How long a dataset snapshot is served without asking the store whether it changed (ms). */
  freshnessMs?: number;
  /** Largest request body accepted by API writes (bytes). */
  maxBodyBytes?: number;
  /** Built front-end files; served when the folder exists. */
  webRoot?: string;
  /** The built editor (dist/editor), served at /editor/. */
  editorRoot?: string;
  /** Where the editor's Publish writes the static site; publishing is off when unset. */
  publish?: PublishConfig | null;
  /** Reuse a snapshot cache (e.g. to invalidate it from write routes added by the caller). */
  snapshots?: DatasetSnapshots;
  /** Failed-login limits (tests use a clock of their own). */
  loginLimiter?: LoginLimiter;
  /** The editor's link check (timeout, concurrency, archive API); private addresses are always blocked. */
  linkCheck?: LinkCheckConfig;
  /** Readers' suggestions per client address (default: 20 an hour, shared through the database). */
  suggestionLimiter?: SuggestionLimiter;
  /** Runs imports off the request thread (startServer's ImportWorkerPool); in the request when unset. */
  importer?: Importer;
  /** Failed-login limits for the default limiter, and its clock (tests). */
  loginLimits?: Partial<LoginLimits>;
  now?: () => number;
  /** Which peers are reverse proxies whose X-Forwarded-* headers are believed (ATLAS_TRUST_PROXY). */
  trustProxy?: TrustProxy;
  /** Other origins whose state changes are accepted (ATLAS_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const logger = options.logger ?? silentLogger;
  const snapshots = options.snapshots ?? new DatasetSnapshots(store, renderers, options.freshnessMs ?? 1000);
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const defaultDatasetId = async (): Promise<DatasetId | null> =>
    (options.defaultDataset as DatasetId | undefined) ?? (await snapshots.ids())[0] ?? null;

  const app = new Hono();
  app.onError(createErrorHandler(logger));
  app.notFound(notFoundHandler);
  app.use(clientInfo(options.trustProxy ?? false));
  app.use(securityHeaders());
  app.use(refuseNul());
  app.use(compress());
  app.use(suggestionCors());
  app.use(readCors());
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new HttpError(
        413,
        'too_large',
        `the request body is larger than ${maxBodyBytes} bytes; send less at once`,
      );
    },
  });
  // An import takes a whole spreadsheet; its route sets a limit of its own (formats' MAX_FILE_BYTES).
  const isImport = (path: string): boolean => /^\/api\/v1\/datasets\/[^/]+\/import$/.test(path);
  app.use('/api/*', (c, next) =>
    WRITE_METHODS.has(c.req.method) && !isImport(c.req.path) ? limit(c, next) : next(),
  );
  // Cross-site state changes are refused before anything else looks at them; then each write's dataset is checked
  // against the user's rights (auth/datasetAccess.ts), so every write route is covered in one place.
  app.use('/api/*', originCheck(options.allowedOrigins ?? []));
  app.use('/api/*', datasetAccess(store));

  app.get('/healthz', async (c) => {
    const headers = { 'Cache-Control': 'no-store' };
    try {
      await store.listDatasets();
      return c.json({ status: 'ok', database: store.dialect }, 200, headers);
    } catch (err) {
      logger.error({ err }, 'health check: the database does not answer');
      return c.json({ status: 'error', database: store.dialect }, 503, headers);
    }
  });

  app.route('/api/v1/datasets', datasetRoutes({ snapshots, countries: countryDirectory }));
  app.route('/api/v1/datasets', versionRoutes(store));
  app.route('/api/v1/agreements', agreementRoutes(store));
  // The editor API: sessions, record changes with If-Match, history, users (DESIGN.md).
  const editing = { store, snapshots, countries: countryDirectory, importer: options.importer };
  app.route(
    '/api/v1/session',
    sessionRoutes(
      store,
      options.loginLimiter ?? new LoginLimiter(store, options.loginLimits, options.now),
      logger,
    ),
  );
  app.route('/api/v1/agreements', agreementWriteRoutes(editing));
  app.route('/api/v1/notes', noteWriteRoutes(editing));
  app.route('/api/v1/datasets', datasetWriteRoutes(editing));
  app.route('/api/v1/datasets', datasetSettingsRoutes(editing));
  app.route(
    '/api/v1/datasets',
    linkCheckRoutes({ store, snapshots, logger, config: options.linkCheck ?? {} }),
  );
  app.route(
    '/api/v1/datasets',
    suggestionDatasetRoutes({
      store,
      countries: countryDirectory,
      logger,
      ...(options.suggestionLimiter ? { limiter: options.suggestionLimiter } : {}),
    }),
  );
  app.route('/api/v1/suggestions', suggestionRoutes({ store }));
  app.route('/api/v1/users', userRoutes(store));
  app.route('/api/v1/audit', auditRoutes(store));
  app.route(
    '/api/v1/publish',
    publishRoutes({
      store,
      snapshots,
      config: options.publish ? { webRoot: options.webRoot, ...options.publish } : null,
      defaultDataset: defaultDatasetId,
    }),
  );
  let openapi: unknown;
  app.get('/api/v1/openapi.json', (c) => {
    openapi ??= buildOpenApi();
    return sendJson(c, openapi);
  });

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const render = pageRenderer(webRoot);
  // A publication changes the dataset's configuration (its time), so a new snapshot asks for the version again.
  const versionOf = new WeakMap<Snapshot, Promise<PageVersion | null>>();
  const page = async (id: DatasetId | null, kind: PageKind): Promise<string> => {
    const s = id === null ? null : await snapshots.get(id);
    if (s === null) throw new HttpError(404, 'not_found', 'no such dataset');
    let version = versionOf.get(s);
    if (version === undefined) {
      version = latestPageVersion(store, s.dataset.id);
      versionOf.set(s, version);
      // A failed lookup is not remembered: the next request asks again.
      version.catch(() => versionOf.delete(s));
    }
    return render(s, kind, await version);
  };
  // Live pages change with every edit: caches keep them but ask again each time (ETag, 304 when unchanged).
  app.get('/', async (c) => sendHtml(c, await page(await defaultDatasetId(), 'page')));
  app.get('/embed', (c) => c.redirect('/embed/', 301));
  app.get('/embed/', async (c) => sendHtml(c, await page(await defaultDatasetId(), 'embed')));
  app.get('/d/:datasetId', (c) => c.redirect(`/d/${encodeURIComponent(c.req.param('datasetId'))}/`, 301));
  app.get('/d/:datasetId/', async (c) =>
    sendHtml(c, await page(c.req.param('datasetId') as DatasetId, 'page')),
  );
  app.get('/d/:datasetId/embed/', async (c) =>
    sendHtml(c, await page(c.req.param('datasetId') as DatasetId, 'embed')),
  );

  app.route('/', versionPages({ store, webRoot, defaultDataset: defaultDatasetId }));
  app.route('/', editorPage(options.editorRoot ?? DEFAULT_EDITOR_ROOT));
  app.use('*', staticAssets(webRoot));
  return app;
}
