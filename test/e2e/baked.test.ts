import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatasetDocument } from '../../src/core/schemas.ts';
import {
  BUILD_TIMEOUT,
  bakeShippedSite,
  DESKTOP,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  type StaticServer,
  startStaticServer,
} from './harness.ts';
import {
  clickPointFor,
  describeProblems,
  legendCounts,
  panelAgreements,
  partnersOnMap,
  waitForMap,
} from './mapPage.ts';

// The baked site on a plain static server, below a sub-path as on GitHub Pages project sites: no Node process
// behind it, yet the page behaves as the served one does.

describeBrowser('baked site on a plain static server', () => {
  let root: string;
  let site: StaticServer;
  let browser: Browser;
  let p: GuardedPage;
  let doc: DatasetDocument;
  let base: string;

  beforeAll(async () => {
    await ensureBuilt();
    root = mkdtempSync(join(tmpdir(), 'atlas-e2e-site-'));
    const datasetId = await bakeShippedSite(join(root, 'atlas'));
    [site, browser] = await Promise.all([startStaticServer(root), launchBrowser()]);
    base = `${site.url}/atlas/`;
    const res = await fetch(`${base}data/${datasetId}.json`);
    doc = (await res.json()) as DatasetDocument;
    p = await openPage(browser, DESKTOP);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await site?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shows the counts and all partners, with gzip-precompressed files served', async () => {
    await p.page.goto(base);
    await waitForMap(p.page);
    expect(await legendCounts(p.page, ['mlat', 'mou', 'framework'])).toEqual({
      mlat: 39,
      mou: 54,
      framework: 10,
    });
    const focal = doc.dataset.focalCountry;
    const partners = [
      ...new Set(doc.agreements.flatMap((a) => a.partners).filter((c) => c !== focal)),
    ].sort();
    expect(partners).toHaveLength(56);
    expect(await partnersOnMap(p.page)).toEqual(partners);
    const scripts = site.log.filter((r) => r.path.endsWith('.js') && r.status === 200);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((r) => r.gzip)).toBe(true);
    expect(site.log.filter((r) => r.status >= 400)).toEqual([]);
    // The page carries its map: the geometry asset is not downloaded, and the map works from the page's paths.
    expect(site.log.filter((r) => /world[^/]*\.json$/.test(r.path))).toEqual([]);
  });

  for (const code of ['FR', 'SG', 'BR', 'MU']) {
    it(`a click on ${code} opens its panel with its agreements`, async () => {
      const point = await clickPointFor(p.page, code);
      expect(point, `no point on ${code}`).not.toBeNull();
      await p.page.mouse.click(point!.x, point!.y);
      await p.page.locator(`[data-testid="country-panel"][data-iso2="${code}"]`).waitFor({ timeout: 5000 });
      const expected: Record<string, string[]> = {};
      for (const c of doc.dataset.categories) {
        const ids = doc.agreements.filter((a) => a.category === c.id && a.partners.includes(code as never));
        // Oldest first, undated last (a stable sort keeps the document's order among equals).
        const key = (a: (typeof ids)[number]): number =>
          a.date.year === null
            ? Number.POSITIVE_INFINITY
            : a.date.year * 1e4 + (a.date.month ?? 0) * 100 + (a.date.day ?? 0);
        if (ids.length > 0) expected[c.id] = [...ids].sort((x, y) => key(x) - key(y) || 0).map((a) => a.id);
      }
      expect(await panelAgreements(p.page)).toEqual(expected);
      await p.page.keyboard.press('Escape');
      await p.page.locator('[data-testid="country-panel"]').waitFor({ state: 'detached' });
    });
  }

  it('keeps its state in the URL on a static host too', async () => {
    await p.page.goto(`${base}?cat=mou&country=JP`);
    await p.page.locator('[data-testid="country-panel"][data-iso2="JP"]').waitFor();
    expect(await p.page.getAttribute('[data-testid="legend-card-mlat"]', 'aria-pressed')).toBe('false');
  });

  it('cites the address it is served from (the bake had no site URL to write in)', async () => {
    await p.page.goto(base);
    await waitForMap(p.page);
    await expect.poll(() => p.page.getByTestId('citation').textContent()).toContain(base);
  });

  it('the embed page works from the bake', async () => {
    await p.page.goto(`${base}embed/`);
    await waitForMap(p.page);
    expect(await p.page.locator('.page-embed').count()).toBe(1);
    expect(await p.page.getByTestId('open-download').count()).toBe(0);
  });

  it('made no request outside 127.0.0.1, none that failed, and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    expect(site.log.filter((r) => r.status >= 400)).toEqual([]);
  });
});
