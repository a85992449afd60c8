import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role, Session, Store, User } from '../../store/types.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { HttpError } from '../http/httpError.ts';

// Editor sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only its SHA-256,
// so a copy of the database logs nobody in. Each session has a CSRF token that every state-changing request
// must echo in X-CSRF-Token (the cookie alone never suffices).

export const SESSION_COOKIE = 'atlas_session';
export const CSRF_HEADER = 'X-CSRF-Token';
export const SESSION_HOURS = 12;

export type EditorEnv = { Variables: { user: User; session: Session } };

export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
const token = (): string => randomBytes(32).toString('base64url');

/** Secure cookies over HTTPS (or behind a proxy that says so); plain HTTP on a researcher's own machine works. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Starts a session for `user`, sets its cookie and returns its CSRF token. */
export async function startSession(c: Context, store: Store, user: User): Promise<string> {
  const secret = token();
  const csrfToken = token();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  const now = new Date().toISOString();
  await store.createSession({
    tokenHash: sha256(secret),
    userId: user.id,
    csrfToken,
    expiresAt,
    createdAt: now,
    lastSeenAt: now,
    address: clientAddress(c),
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  });
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
  return csrfToken;
}

export async function endSession(c: Context, store: Store): Promise<void> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) await store.deleteSession(sha256(secret));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}

/** The session of the request's cookie, or null (none, unknown or expired). */
export async function currentSession(c: Context, store: Store): Promise<(Session & { user: User }) | null> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (!secret || secret.length > 200) return null;
  const s = await store.getSession(sha256(secret));
  if (s === null) return null;
  const now = Date.now();
  if (Date.parse(s.expiresAt) <= now) {
    await store.deleteSession(s.tokenHash);
    return null;
  }
  // "Last seen" to the minute is enough for a user to recognise a session; it spares a write per request.
  if (s.lastSeenAt == null || now - Date.parse(s.lastSeenAt) > TOUCH_EVERY_MS)
    await store.touchSession(s.tokenHash, new Date(now).toISOString());
  return s;
}

const TOUCH_EVERY_MS = 60_000;

/** A short public name of a session (the hash of a hash of its secret): enough to list and end it. */
export function sessionId(tokenHash: string): string {
  return createHash('sha256').update(`session ${tokenHash}`).digest('base64url').slice(0, 16);
}

/** Whether `user` may change the records of `dataset`: admins everything, editors their listed datasets. */
export function mayEditDataset(user: User, dataset: string): boolean {
  return user.role === 'admin' || user.datasets === null || user.datasets.includes(dataset);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Lets a request through only with a live session (401 otherwise), the right role (403), and — for a state
 * change — the session's CSRF token in X-CSRF-Token (403).
 */
export function requireEditor(store: Store, role: Role | null = null): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const s = await currentSession(c, store);
    if (s === null)
      throw new HttpError(
        401,
        'unauthorized',
        'log in first: POST /api/v1/session with your e-mail and password',
      );
    if (WRITES.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameToken(sent, s.csrfToken))
        throw new HttpError(
          403,
          'csrf',
          `this change needs the ${CSRF_HEADER} header with the csrfToken your login returned (GET /api/v1/session gives it again)`,
        );
    }
    if (role !== null && s.user.role !== role)
      throw new HttpError(
        403,
        'forbidden',
        `only an ${role} may do this; you are logged in as ${s.user.role}`,
      );
    const { user, ...session } = s;
    c.set('user', user);
    c.set('session', session);
    await next();
  };
}
