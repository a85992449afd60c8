import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHashedAsset, staticAssets } from './staticAssets.ts';

// Built files: hashed bundles are immutable for a year, everything else is revalidated; no folder, no-op.

describe('static assets', () => {
  let root: string;
  let app: Hono;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'atlas-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'index-B4x_9kQz.js'), 'console.log(1);\n');
    writeFileSync(join(root, 'robots.txt'), 'User-agent: *\n');
    app = new Hono();
    app.use('*', staticAssets(root));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('tells hashed bundle names from others', () => {
    expect(isHashedAsset('/assets/index-B4x_9kQz.js')).toBe(true);
    expect(isHashedAsset('/assets/map.css')).toBe(false);
    expect(isHashedAsset('/index-B4x_9kQz.js')).toBe(false);
  });

  it('serves hashed assets as immutable and other files with a short cache', async () => {
    const js = await app.request('/assets/index-B4x_9kQz.js');
    expect(js.status).toBe(200);
    expect(await js.text()).toBe('console.log(1);\n');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const robots = await app.request('/robots.txt');
    expect(robots.headers.get('cache-control')).toBe('public, no-cache');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/../package.json')).status).toBe(404);
  });

  it('passes through when the folder does not exist', async () => {
    const none = new Hono();
    none.use('*', staticAssets(join(root, 'no-such-folder')));
    none.get('/x', (c) => c.text('route'));
    expect(await (await none.request('/x')).text()).toBe('route');
  });
});
