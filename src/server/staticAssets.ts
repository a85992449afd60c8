import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

// Built front-end files (dist/web). Vite names bundles by content hash, so those never change under their
// name and may be cached for a year; anything else is revalidated like the API.

const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(?:js|mjs|css|map|json|svg|png|jpe?g|webp|avif|woff2?)$/;

export function isHashedAsset(path: string): boolean {
  return path.startsWith('/assets/') && HASHED.test(path);
}

/** Serves files under `root` when it exists; a pass-through middleware otherwise. */
export function staticAssets(root: string): MiddlewareHandler {
  if (!existsSync(root)) return (_c, next) => next();
  return serveStatic({
    root,
    precompressed: true,
    onFound: (_path, c) => {
      c.header(
        'Cache-Control',
        isHashedAsset(c.req.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
      );
    },
  });
}
