import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementId } from '../../core/ids.ts';
import type { Agreement } from '../../core/schemas.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';
import { isEmbedPath } from './security.ts';

// Caching, CORS, security headers, compression and body limits: the HTTP behaviour around the read API.

const DS = 'cis-india-cyber';
const DOC = `/api/v1/datasets/${DS}/document`;
const EDITOR = { actor: 'test', reason: 'http behaviour test' };

describe.each(testDatabases('http'))('HTTP behaviour on $dialect', (factory) => {
  let t: SeededApp;
  beforeAll(async () => {
    t = await seededApp(factory, { maxBodyBytes: 1000 });
  });
  afterAll(async () => t?.close());

  it('sends a weak ETag and public caching on GETs, and 304 when it matches', async () => {
    for (const path of [
      '/api/v1/datasets',
      `/api/v1/datasets/${DS}`,
      `${DOC}`,
      `/api/v1/datasets/${DS}/agreements?category=mlat`,
    ]) {
      const res = await t.app.request(path);
      const etag = res.headers.get('etag');
      expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
      expect(res.headers.get('cache-control')).toBe('public, no-cache');
      const again = await t.app.request(path, { headers: { 'If-None-Match': `"other", ${etag}` } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      const stale = await t.app.request(path, { headers: { 'If-None-Match': 'W/"not-it"' } });
      expect(stale.status, path).toBe(200);
    }
  });

  it('changes the ETag and the content when the data changes', async () => {
    const before = await t.app.request(DOC);
    const etag = before.headers.get('etag')!;
    const doc = (await before.json()) as { agreements: Agreement[] };
    const a = doc.agreements.find((x) => x.category === 'mou')!;
    await t.store.updateAgreement(
      a.id as AgreementId,
      a.version,
      { summary: `${a.summary} (edited)` },
      EDITOR,
    );
    const after = await t.app.request(DOC, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const changed = (await after.json()) as { agreements: Agreement[] };
    expect(changed.agreements.find((x) => x.id === a.id)?.summary).toBe(`${a.summary} (edited)`);
    const one = await t.app.request(`/api/v1/agreements/${a.id}`);
    expect(one.headers.get('etag')).toBe(`"${a.version + 1}"`);
  });

  it('gzips the document for clients that accept it', async () => {
    const plain = await t.app.request(DOC);
    const text = await plain.text();
    const res = await t.app.request(DOC, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.byteLength).toBeLessThan(text.length / 3);
    expect(gunzipSync(body).toString('utf8')).toBe(text);
    const refused = await t.app.request(DOC, { headers: { 'Accept-Encoding': 'gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('gzips other large JSON answers too', async () => {
    const res = await t.app.request(`/api/v1/datasets/${DS}/agreements`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('allows any origin to GET read routes, and nothing else', async () => {
    const origin = { Origin: 'https://news.example' };
    for (const path of [
      '/api/v1/datasets',
      DOC,
      '/api/v1/openapi.json',
      `/api/v1/datasets/${DS}/countries/SG`,
    ]) {
      const res = await t.app.request(path, { headers: origin });
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
    }
    const preflight = await t.app.request(`/api/v1/datasets/${DS}/agreements`, {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
    const write = await t.app.request(`/api/v1/datasets/${DS}/agreements`, {
      method: 'POST',
      headers: origin,
      body: '{}',
    });
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
    const health = await t.app.request('/healthz', { headers: origin });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends a strict CSP on API answers, pages and errors', async () => {
    for (const path of ['/', DOC, '/api/v1/datasets/nope', '/missing']) {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
      ]) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('lets only embed routes be framed by any site', async () => {
    expect(isEmbedPath('/embed')).toBe(true);
    expect(isEmbedPath(`/d/${DS}/embed`)).toBe(true);
    expect(isEmbedPath(`/d/${DS}/embed/map`)).toBe(true);
    expect(isEmbedPath('/embedded')).toBe(false);
    expect(isEmbedPath(`/d/${DS}/`)).toBe(false);
    const res = await t.app.request(`/d/${DS}/embed`);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('an address with a NUL character (%00) is a 400, not a 500 from PostgreSQL', async () => {
    for (const path of [
      '/api/v1/datasets/a%00b',
      '/api/v1/datasets/cis-india-cyber/agreements?q=a%00b',
      '/api/v1/agreements/mou-%00',
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, path).toBe('invalid_parameter');
      expect(body.error.message, path).toMatch(/NUL character/);
    }
  });

  it('refuses API write bodies over the limit with 413', async () => {
    const res = await t.app.request(`/api/v1/datasets/${DS}/agreements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ summary: 'x'.repeat(2000) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_large');
    expect(body.error.message).toContain('1000 bytes');
  });

  it('reports the database as unhealthy when it is gone', async () => {
    const dead = await seededApp(factory);
    await dead.store.close();
    const res = await dead.app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'error', database: factory.dialect });
    await dead.db.cleanup();
  });
});
