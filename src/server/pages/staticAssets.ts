import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

// Built front-end files (dist/web). Vite names bundles by content hash, so those never change under their
// name and may be cached for a year; anything else is revalidated like the API.

const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(?:js|mjs|css|map|json|svg|png|jpe?g|webp|avif|woff2?)$/;

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function isHashedAsset(path: string): boolean {
  return path.startsWith('/assets/') && HASHED.test(path);
}

/** Serves files under `root` when it exists; a pass-through middleware otherwise. */
export function staticAssets(root: string): MiddlewareHandler {
  if (!existsSync(root)) return (_c, next) => next();
  const serve = serveStatic({ root, precompressed: true });
  return async (c, next) => {
    const res = await serve(c, next);
    // serveStatic answers with a Response when it found the file, and otherwise calls next().
    if (res instanceof Response && res.status < 400) {
      res.headers.set('Cache-Control', isHashedAsset(c.req.path) ? IMMUTABLE : 'public, no-cache');
    }
    return res;
  };
}
