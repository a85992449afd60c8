import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { OPEN_CROSS_SITE } from './originCheck.ts';

// Anyone may read the public API from any site; nothing else gets CORS. A preflight for a write therefore
// answers "GET, HEAD, OPTIONS only", and the browser refuses the cross-site write.

const READ_ROUTE = /^\/api\/v1\/(?:datasets(?:\/.*)?|agreements\/[^/]+|openapi\.json)$/;

export function isReadRoute(path: string): boolean {
  return READ_ROUTE.test(path);
}

export function readCors(): MiddlewareHandler {
  const allow = cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    exposeHeaders: ['ETag'],
    maxAge: 600,
  });
  // The few writes open to every site (readers' suggestions: no cookie) may be posted cross-site with JSON, which
  // needs a preflight that allows POST; credentials are never allowed.
  const open = cors({
    origin: '*',
    allowMethods: ['POST', 'OPTIONS'],
    allowHeaders: ['Content-Type'],
    maxAge: 600,
  });
  return (c, next) => {
    const m = c.req.method;
    if (
      (m === 'OPTIONS' || m === 'POST') &&
      OPEN_CROSS_SITE.some((r) => (m === 'OPTIONS' || r.method === m) && r.path.test(c.req.path))
    )
      return open(c, next);
    if ((m === 'GET' || m === 'HEAD' || m === 'OPTIONS') && isReadRoute(c.req.path)) return allow(c, next);
    return next();
  };
}
