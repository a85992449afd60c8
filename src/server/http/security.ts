import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

// Strict CSP everywhere: no inline script or style, no plugins, no <base> tricks. Only embed routes may be
// framed by other sites (that is their purpose); every other page may only be framed by this origin.

const csp = (frameAncestors: string[]): Parameters<typeof secureHeaders>[0] => ({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors,
  },
  // X-Frame-Options cannot say "anyone"; on embed routes it must be absent for frame-ancestors * to work.
  xFrameOptions: frameAncestors.includes('*') ? false : 'SAMEORIGIN',
});

/** `/embed`, `/embed/...`, `/d/:dataset/embed`, `/d/:dataset/embed/...`. */
export function isEmbedPath(path: string): boolean {
  return /^\/(?:d\/[^/]+\/)?embed(?:\/|$)/.test(path);
}

export function securityHeaders(): MiddlewareHandler {
  const framedAnywhere = secureHeaders(csp(['*']));
  const framedBySelf = secureHeaders(csp(["'self'"]));
  return (c, next) => (isEmbedPath(c.req.path) ? framedAnywhere(c, next) : framedBySelf(c, next));
}
