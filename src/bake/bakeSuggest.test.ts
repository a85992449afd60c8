import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeeded } from '../server/seed.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { BakeError, bakeSite } from './bake.ts';
import { ensureWebBuild } from './webBuild.ts';

// A baked page shows the suggestion form only when told the live server's address (ATLAS_SUGGEST_URL): the
// page then names that server's suggestions endpoint in <meta name="atlas-suggest">.

describe('bake: the suggestions endpoint', () => {
  let dir: string;
  let store: Store;
  let datasetId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'atlas-bake-suggest-'));
    store = await openStore(`sqlite:${join(dir, 'atlas.db')}`);
    ({ datasetId } = await ensureSeeded(store));
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const meta = (html: string): string | null =>
    /<meta name="atlas-suggest" content="([^"]*)">/.exec(html)?.[1] ?? null;

  it('with the live server address, the page names its suggestions endpoint', async () => {
    const out = join(dir, 'with');
    await bakeSite({ store, outDir: out, suggestUrl: 'https://atlas.example.org/live' });
    expect(meta(readFileSync(join(out, 'index.html'), 'utf8'))).toBe(
      `https://atlas.example.org/live/api/v1/datasets/${datasetId}/suggestions`,
    );
  });

  it('without it, no endpoint (the page links to the researchers instead)', async () => {
    const saved = process.env.ATLAS_SUGGEST_URL;
    delete process.env.ATLAS_SUGGEST_URL;
    try {
      const out = join(dir, 'without');
      await bakeSite({ store, outDir: out });
      expect(meta(readFileSync(join(out, 'index.html'), 'utf8'))).toBeNull();
    } finally {
      if (saved !== undefined) process.env.ATLAS_SUGGEST_URL = saved;
    }
  });

  it('refuses an address that is not http(s)', async () => {
    await expect(
      bakeSite({ store, outDir: join(dir, 'bad'), suggestUrl: 'javascript:alert(1)' }),
    ).rejects.toBeInstanceOf(BakeError);
    await expect(bakeSite({ store, outDir: join(dir, 'bad2'), suggestUrl: 'not a url' })).rejects.toThrow(
      /ATLAS_SUGGEST_URL "not a url" is not a URL/,
    );
  });
});
