import type { MiddlewareHandler } from 'hono';
import { HttpError } from './httpError.ts';

// Defence in depth against cross-site requests: a state change under /api whose browser says it came from another
// site (a foreign Origin, or Sec-Fetch-Site: cross-site) is refused before any route runs, token or not. Clients
// that are not browsers send neither header and are judged by their session and CSRF token alone. A few routes are
// meant to be posted to from anywhere (readers' suggestions: no cookie, no session); they are listed by name.

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type OpenRoute = { method: string; path: RegExp };

/** State-changing routes anyone may call cross-site: they use no cookie and change nothing of an account. */
export const OPEN_CROSS_SITE: readonly OpenRoute[] = [
  { method: 'POST', path: /^\/api\/v1\/datasets\/[^/]+\/suggestions\/?$/ },
];

/** ATLAS_ALLOWED_ORIGINS: other origins (e.g. a staging editor) whose state changes are accepted. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      let u: URL;
      try {
        u = new URL(s);
      } catch {
        throw new Error(
          `ATLAS_ALLOWED_ORIGINS names "${s}", which is not an origin; write it as https://editor.example.org`,
        );
      }
      return u.origin;
    });
}

function normalOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

export function originCheck(
  allowed: readonly string[] = [],
  open: readonly OpenRoute[] = OPEN_CROSS_SITE,
): MiddlewareHandler {
  const allowedSet = new Set(allowed);
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    if (open.some((r) => r.method === c.req.method && r.path.test(c.req.path))) return next();
    const refuse = (why: string): never => {
      throw new HttpError(
        403,
        'cross_origin',
        `${why}; changes are accepted only from this site's own editor`,
      );
    };
    if ((c.req.header('sec-fetch-site') ?? '').toLowerCase() === 'cross-site')
      refuse('this request came from another site (Sec-Fetch-Site: cross-site)');
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const from = normalOrigin(origin);
      const own = normalOrigin(c.get('ownOrigin') ?? new URL(c.req.url).origin);
      if (from === null || (from !== own && !allowedSet.has(from)))
        refuse(`this request came from the origin "${origin.slice(0, 200)}"`);
    }
    return next();
  };
}
