import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import type { Store } from '../../store/types.ts';
import { LoginSchema } from '../editing/editorSchemas.ts';
import { HttpError } from '../http/httpError.ts';
import { jsonBody } from '../http/jsonBody.ts';
import { type Logger, silentLogger } from '../http/logger.ts';
import type { LoginLimiter } from './loginLimiter.ts';
import { checkPassword } from './passwords.ts';
import { currentSession, type EditorEnv, endSession, requireEditor, startSession } from './sessions.ts';

// POST /api/v1/session logs in (one answer for every wrong pair, limited failures), GET tells who is logged in
// and repeats the CSRF token, DELETE logs out.

function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A login form posted from another site is refused: the browser says where it came from. */
function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return;
  const host = c.req.header('host');
  let from: string;
  try {
    from = new URL(origin).host;
  } catch {
    from = '';
  }
  if (host && from !== host) throw new HttpError(403, 'forbidden', 'log in from the editor of this site');
}

export function sessionRoutes(
  store: Store,
  limiter: LoginLimiter,
  logger: Logger = silentLogger,
): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();

  app.post('/', async (c) => {
    checkOrigin(c);
    const body = await jsonBody(c, LoginSchema);
    const email = body.email.trim().toLowerCase();
    const client = clientOf(c);
    const wait = limiter.retryAfter(client, email);
    if (wait > 0) {
      logger.warn({ email, client }, 'login refused: too many failed attempts');
      c.header('Retry-After', String(wait));
      throw new HttpError(429, 'rate_limited', `too many failed logins; try again in ${wait} s`);
    }
    const user = await store.findUser(email);
    const ok = await checkPassword(user?.passwordHash ?? null, body.password);
    if (!user || !ok) {
      limiter.failed(client, email);
      logger.warn({ email, client }, 'login failed');
      throw new HttpError(401, 'unauthorized', 'wrong e-mail or password');
    }
    limiter.succeeded(email);
    logger.info({ email: user.email, role: user.role }, 'logged in');
    const csrfToken = await startSession(c, store, user);
    c.header('Cache-Control', 'no-store');
    return c.json({ user: { email: user.email, role: user.role }, csrfToken });
  });

  app.get('/', async (c) => {
    const s = await currentSession(c, store);
    c.header('Cache-Control', 'no-store');
    // Not being logged in is an answer, not an error: the editor asks on every load.
    if (s === null) return c.json({ user: null, csrfToken: null });
    return c.json({ user: { email: s.user.email, role: s.user.role }, csrfToken: s.csrfToken });
  });

  app.delete('/', requireEditor(store), async (c) => {
    await endSession(c, store);
    return c.body(null, 204);
  });

  return app;
}
