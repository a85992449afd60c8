import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { CountryCode } from '../../core/ids.ts';
import type { Suggestion } from '../../core/suggestions.ts';
import { NotFoundError, type Store } from '../../store/types.ts';
import { suggestionLimiter } from '../auth/rateLimiter.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { datasetOf } from '../editing/editorShared.ts';
import { HttpError } from '../http/httpError.ts';
import { jsonBody } from '../http/jsonBody.ts';
import type { Logger } from '../http/logger.ts';
import { parseQuery } from '../http/query.ts';
import type { CountryDirectory } from '../read/countryDirectory.ts';
import type { SuggestionLimiter } from './suggestionLimiter.ts';
import {
  NewSuggestionSchema,
  SuggestionListQuerySchema,
  SuggestionPatchSchema,
} from './suggestionSchemas.ts';

// Readers' corrections. Sending one needs no login — the page's "Suggest a correction" form, also from a
// baked copy on another origin — so it is limited (length, a honeypot, 20 an hour per client address) and
// carries no cookie. Reading and closing them is for editors.

const SUGGEST_PATH = /^\/api\/v1\/datasets\/[^/]+\/suggestions$/;

/** The one unauthenticated state change: a cross-origin POST is expected here (the baked site's form). */
export function isPublicWriteRoute(method: string, path: string): boolean {
  return method === 'POST' && SUGGEST_PATH.test(path);
}

/** CORS for POST /api/v1/datasets/:id/suggestions from any origin; never with credentials. */
export function suggestionCors(): MiddlewareHandler {
  const allow = cors({
    origin: '*',
    allowMethods: ['POST', 'OPTIONS'],
    allowHeaders: ['Content-Type'],
    maxAge: 600,
  });
  return (c, next) => {
    const m = c.req.method;
    if ((m === 'POST' || m === 'OPTIONS') && SUGGEST_PATH.test(c.req.path)) return allow(c, next);
    return next();
  };
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const toWire = ({ dataset: _d, ...s }: Suggestion): Omit<Suggestion, 'dataset'> => s;

type Deps = {
  store: Store;
  countries: CountryDirectory;
  logger: Logger;
  limiter?: SuggestionLimiter;
  /** The client address of a request (tests and proxies may say otherwise). */
  addressOf?: (c: Context) => string;
};

/** Mounted at /api/v1/datasets: POST (anyone) and GET (editors) /:id/suggestions. */
export function suggestionDatasetRoutes(deps: Deps): Hono<EditorEnv> {
  const { store, countries, logger } = deps;
  // Counted in the database, so every server process shares one count per address.
  const limiter = deps.limiter ?? suggestionLimiter(store);
  const addressOf = deps.addressOf ?? clientAddress;
  const app = new Hono<EditorEnv>();
  const small = bodyLimit({
    maxSize: 32 * 1024,
    onError: () => {
      throw new HttpError(413, 'too_large', 'a suggestion is at most 5000 characters of text; send less');
    },
  });

  app.post('/:id/suggestions', small, async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    const input = await jsonBody(c, NewSuggestionSchema);
    c.header('Cache-Control', 'no-store');
    const verdict = await limiter.hit(addressOf(c));
    if (!verdict.ok) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      throw new HttpError(
        429,
        'too_many_requests',
        `too many suggestions from your address; try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes`,
      );
    }
    // A bot filled the field people never see: answer as if accepted, keep nothing.
    if (input.website !== undefined && input.website.trim() !== '') {
      logger.info({ dataset: dataset.id }, 'suggestion dropped: honeypot filled');
      return c.json({ id: `s_${randomBytes(9).toString('base64url')}` }, 202);
    }
    const code = input.country ? input.country.toUpperCase() : null;
    if (code !== null && countries.lookup(code) === null)
      throw new HttpError(400, 'invalid_input', `field "country": "${input.country}" is not a country code`, [
        { field: 'country', message: 'not an ISO 3166-1 alpha-2 country code' },
      ]);
    // A page loaded before a record was deleted may still name it: keep the suggestion, drop the stale link.
    let agreementId = input.agreementId?.trim() || null;
    if (agreementId !== null) {
      const a = await store.getAgreement(agreementId as never);
      if (a === null || a.dataset !== dataset.id) agreementId = null;
    }
    const s = await store.createSuggestion(dataset.id, {
      text: input.text,
      country: code as CountryCode | null,
      agreementId,
      email: input.email?.trim() || null,
    });
    return c.json({ id: s.id }, 202);
  });

  app.get('/:id/suggestions', requireEditor(store), async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    const { status } = parseQuery(c, SuggestionListQuerySchema);
    c.header('Cache-Control', 'no-store');
    return c.json({ suggestions: (await store.listSuggestions(dataset.id, status)).map(toWire) });
  });

  return app;
}

/** Mounted at /api/v1/suggestions: PATCH /:id (editors, CSRF). */
export function suggestionRoutes({ store }: { store: Store }): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.patch('/:id', requireEditor(store), async (c) => {
    const patch = await jsonBody(c, SuggestionPatchSchema);
    try {
      const s = await store.updateSuggestion(c.req.param('id'), patch);
      c.header('Cache-Control', 'no-store');
      return c.json(toWire(s));
    } catch (e) {
      if (e instanceof NotFoundError)
        throw new HttpError(404, 'not_found', `there is no suggestion "${c.req.param('id')}"`);
      throw e;
    }
  });
  return app;
}
