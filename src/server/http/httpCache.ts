import { createHash } from 'node:crypto';
import type { Context } from 'hono';

// Conditional GETs: every cacheable answer carries a validator, and a matching If-None-Match costs a 304
// with no body. Live data (pages and API answers) may be stored by any cache but must be revalidated before each
// use: an edit is on the map at once, and a cache must not show the old page for minutes. The 304 keeps that
// cheap. Hashed assets (staticAssets.ts) and versioned pages are the long-lived ones.

export const PUBLIC_CACHE = 'public, no-cache';

/** A weak validator from the body's bytes: equal bodies, equal tags, across processes and restarts. */
export function weakEtag(body: string | Uint8Array): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 weak comparison: `W/` is ignored, `*` matches anything. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = (t: string): string => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}

/** A body prepared once and answered many times (the document, exports). */
export type Rendition = {
  body: Uint8Array<ArrayBuffer>;
  /** Gzip of body, computed once: compressing the same bytes on every request is wasted work. */
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
};

function notModified(c: Context, etag: string, cacheControl: string): Response {
  return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl });
}

/** Answers a JSON value with a body-hash ETag, honouring If-None-Match. */
export function sendJson(c: Context, value: unknown, cacheControl: string = PUBLIC_CACHE): Response {
  const body = JSON.stringify(value);
  const etag = weakEtag(body);
  if (etagMatches(c.req.header('If-None-Match'), etag)) return notModified(c, etag, cacheControl);
  return c.body(body, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    ETag: etag,
    'Cache-Control': cacheControl,
  });
}

/** Answers a live HTML page with a body-hash ETag, honouring If-None-Match. */
export function sendHtml(c: Context, html: string, cacheControl: string = PUBLIC_CACHE): Response {
  const etag = weakEtag(html);
  if (etagMatches(c.req.header('If-None-Match'), etag)) return notModified(c, etag, cacheControl);
  return c.html(html, 200, { ETag: etag, 'Cache-Control': cacheControl });
}

function acceptsGzip(c: Context): boolean {
  const header = c.req.header('Accept-Encoding');
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Answers a prepared rendition, gzipped when the client accepts it. */
export function sendRendition(
  c: Context,
  r: Rendition,
  extraHeaders: Record<string, string> = {},
  cacheControl: string = PUBLIC_CACHE,
): Response {
  if (etagMatches(c.req.header('If-None-Match'), r.etag)) return notModified(c, r.etag, cacheControl);
  const headers: Record<string, string> = {
    'Content-Type': r.contentType,
    ETag: r.etag,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
    ...extraHeaders,
  };
  if (acceptsGzip(c)) {
    headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(r.gzip.byteLength);
    return c.body(r.gzip, 200, headers);
  }
  headers['Content-Length'] = String(r.body.byteLength);
  return c.body(r.body, 200, headers);
}
