import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalUrl } from './browser.ts';
import { contentTypeOf, type StaticServer, startStaticServer } from './staticServer.ts';

// The e2e suites trust this server to behave like a plain static host; these checks keep it honest.
// Raw node:http requests, since fetch would decompress and hide what was sent.

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** The path is sent exactly as given (a URL object would resolve "..": the server must do it safely itself). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  const m = /^http:\/\/([^/:]+):(\d+)(\/.*)$/.exec(url);
  if (!m) throw new Error(`not a local URL: ${url}`);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: m[1], port: Number(m[2]), path: m[3], headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('plain static server for the baked site', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'atlas-static-'));
    mkdirSync(join(root, 'site/assets'), { recursive: true });
    mkdirSync(join(root, 'outside'), { recursive: true });
    writeFileSync(join(root, 'outside/secret.txt'), 'not to be served');
    const js = 'console.log("hello from a bundle");\n'.repeat(50);
    writeFileSync(join(root, 'site/assets/main.js'), js);
    writeFileSync(join(root, 'site/assets/main.js.gz'), gzipSync(js));
    writeFileSync(join(root, 'site/index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, 'site/data.geojson'), '{}');
    server = await startStaticServer(join(root, 'site'));
  });

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('sends the precompressed .gz only to clients that accept gzip', async () => {
    const gz = await get(`${server.url}/assets/main.js`, { 'Accept-Encoding': 'gzip, br' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(gz.body).toString()).toContain('hello from a bundle');
    const plain = await get(`${server.url}/assets/main.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(gz.body.length);
    const logged = server.log.filter((r) => r.path === '/assets/main.js');
    expect(logged.map((r) => [r.gzip, r.bytes])).toEqual([
      [true, gz.body.length],
      [false, plain.body.length],
    ]);
  });

  it('serves index.html for a folder, redirects a folder without its slash, 404s the rest', async () => {
    const index = await get(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get(`${server.url}/assets`)).status).toBe(404);
    mkdirSync(join(root, 'site/embed'), { recursive: true });
    writeFileSync(join(root, 'site/embed/index.html'), '<!doctype html>');
    const redirect = await get(`${server.url}/embed`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/embed/');
    expect((await get(`${server.url}/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/../outside/secret.txt',
      '/%2e%2e/outside/secret.txt',
      '/..%2foutside%2fsecret.txt',
    ]) {
      const res = await get(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body.toString()).not.toContain('not to be served');
    }
  });

  it('names content types by extension', () => {
    expect(contentTypeOf('a/b.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('x.geojson')).toBe('application/geo+json; charset=utf-8');
    expect(contentTypeOf('x.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});

describe('outside-request guard', () => {
  it('lets only 127.0.0.1 and in-page URLs through', () => {
    expect(isLocalUrl('http://127.0.0.1:8080/api/v1/datasets')).toBe(true);
    expect(isLocalUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isLocalUrl('blob:http://127.0.0.1:1/abc')).toBe(true);
    expect(isLocalUrl('https://fonts.googleapis.com/css2?family=Inter')).toBe(false);
    expect(isLocalUrl('https://unpkg.com/d3')).toBe(false);
    expect(isLocalUrl('http://localhost:8080/')).toBe(false);
    expect(isLocalUrl('http://127.0.0.1.example.com/')).toBe(false);
    expect(isLocalUrl('not a url')).toBe(false);
  });
});
