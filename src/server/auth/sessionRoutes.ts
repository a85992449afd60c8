import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { passwordProblem } from '../../core/passwordPolicy.ts';
import type { Store, User } from '../../store/types.ts';
import { LoginSchema } from '../editing/editorSchemas.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { HttpError } from '../http/httpError.ts';
import { invalidInput, jsonBody } from '../http/jsonBody.ts';
import { type Logger, silentLogger } from '../http/logger.ts';
import { audit } from './audit.ts';
import type { LoginLimiter } from './loginLimiter.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import {
  currentSession,
  type EditorEnv,
  endSession,
  requireEditor,
  sessionId,
  startSession,
} from './sessions.ts';

// POST /api/v1/session logs in (one answer for every wrong pair, limited failures), GET tells who is logged in
// and repeats the CSRF token, DELETE logs out. A user sees and ends their own sessions (GET /list, DELETE
// /list/:id, DELETE /list for all others) and changes their own password (POST /password, with the current one).

export const PasswordChangeSchema = z.strictObject({
  current: z.string().max(1024),
  password: z.string().max(1024).describe('The new password: at least 12 characters'),
});

/** What the editor needs to know about who is logged in. */
export function sessionUser(user: User): {
  email: string;
  role: User['role'];
  datasets: string[] | null;
  canPublish: boolean;
} {
  return {
    email: user.email,
    role: user.role,
    datasets: user.datasets,
    canPublish: user.canPublish || user.role === 'admin',
  };
}

function tooMany(c: Context, wait: number): HttpError {
  c.header('Retry-After', String(wait));
  return new HttpError(429, 'rate_limited', `too many failed attempts; try again in ${wait} s`);
}

export function sessionRoutes(
  store: Store,
  limiter: LoginLimiter,
  logger: Logger = silentLogger,
): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();

  app.post('/', async (c) => {
    const body = await jsonBody(c, LoginSchema);
    const email = body.email.trim().toLowerCase();
    const client = clientAddress(c);
    const wait = await limiter.retryAfter(client, email);
    if (wait > 0) {
      logger.warn({ email, client }, 'login refused: too many failed attempts');
      // Not audited: refusals cost the attacker nothing, so one row each would let them fill the log.
      throw tooMany(c, wait);
    }
    const user = await store.findUser(email);
    const ok = await checkPassword(user?.passwordHash ?? null, body.password);
    // A disabled account answers exactly like a wrong pair: nothing tells an attacker it exists.
    if (!user || !ok || user.disabled) {
      await limiter.failed(client, email);
      logger.warn({ email, client }, 'login failed');
      await audit(
        c,
        store,
        'login-failed',
        { email, ...(user?.disabled && ok ? { disabled: true } : {}) },
        null,
      );
      throw new HttpError(401, 'unauthorized', 'wrong e-mail or password');
    }
    await limiter.succeeded(client, email);
    logger.info({ email: user.email, role: user.role }, 'logged in');
    const csrfToken = await startSession(c, store, user);
    await audit(c, store, 'login', {}, user.email);
    c.header('Cache-Control', 'no-store');
    return c.json({ user: sessionUser(user), csrfToken });
  });

  app.get('/', async (c) => {
    const s = await currentSession(c, store);
    c.header('Cache-Control', 'no-store');
    // Not being logged in is an answer, not an error: the editor asks on every load.
    if (s === null) return c.json({ user: null, csrfToken: null });
    return c.json({ user: sessionUser(s.user), csrfToken: s.csrfToken });
  });

  app.delete('/', requireEditor(store), async (c) => {
    await endSession(c, store);
    await audit(c, store, 'logout');
    return c.body(null, 204);
  });

  app.get('/list', requireEditor(store), async (c) => {
    const mine = c.get('session').tokenHash;
    const sessions = await store.listSessions(c.get('user').id);
    c.header('Cache-Control', 'no-store');
    return c.json({
      sessions: sessions.map((s) => ({
        id: sessionId(s.tokenHash),
        current: s.tokenHash === mine,
        createdAt: s.createdAt ?? null,
        lastSeenAt: s.lastSeenAt ?? null,
        expiresAt: s.expiresAt,
        address: s.address ?? null,
        userAgent: s.userAgent ?? null,
      })),
    });
  });

  // Ends every session of this user but the one asking ("log out everywhere else").
  app.delete('/list', requireEditor(store), async (c) => {
    const ended = await store.deleteUserSessions(c.get('user').id, c.get('session').tokenHash);
    await audit(c, store, 'session-ended', { others: ended });
    return c.json({ ended });
  });

  app.delete('/list/:id', requireEditor(store), async (c) => {
    const wanted = c.req.param('id');
    const target = (await store.listSessions(c.get('user').id)).find(
      (s) => sessionId(s.tokenHash) === wanted,
    );
    if (target === undefined)
      throw new HttpError(
        404,
        'not_found',
        `you have no session "${wanted}"; GET /api/v1/session/list lists them`,
      );
    await store.deleteSession(target.tokenHash);
    if (target.tokenHash === c.get('session').tokenHash) await endSession(c, store);
    await audit(c, store, 'session-ended', { session: wanted });
    return c.body(null, 204);
  });

  // A new password with the current one; the other sessions end, this one stays. Wrong current passwords count
  // as failed logins, so a borrowed session cannot be used to guess the password.
  app.post('/password', requireEditor(store), async (c) => {
    const body = await jsonBody(c, PasswordChangeSchema);
    const me = c.get('user');
    const client = clientAddress(c);
    const wait = await limiter.retryAfter(client, me.email);
    if (wait > 0) throw tooMany(c, wait);
    const stored = await store.findUser(me.email);
    if (!(await checkPassword(stored?.passwordHash ?? null, body.current))) {
      await limiter.failed(client, me.email);
      await audit(c, store, 'login-failed', { email: me.email, during: 'password change' });
      throw invalidInput([{ field: 'current', message: 'this is not your current password' }]);
    }
    const problem = passwordProblem(body.password);
    if (problem !== null) throw invalidInput([{ field: 'password', message: problem }]);
    await store.updateUser(
      me.email,
      { passwordHash: await hashPassword(body.password) },
      c.get('session').tokenHash,
    );
    await audit(c, store, 'password-changed', { email: me.email });
    return c.body(null, 204);
  });

  return app;
}
