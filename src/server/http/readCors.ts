import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

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
  return (c, next) => {
    const m = c.req.method;
    if ((m === 'GET' || m === 'HEAD' || m === 'OPTIONS') && isReadRoute(c.req.path)) return allow(c, next);
    return next();
  };
}
