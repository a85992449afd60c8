import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  DESKTOP,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  type StaticServer,
  startAtlas,
  startStaticServer,
} from './harness.ts';
import { describeProblems, legendCounts, waitForMap } from './mapPage.ts';

// Embed mode: the map with minimal chrome for an iframe on someone else's site, which learns the page's height
// by postMessage. The host page here is on another origin (another port), as it would be in real life, and
// uses exactly the code the Embed dialog hands out.

const CATEGORIES = ['mlat', 'mou', 'framework'];

async function expectMinimalChrome(page: Page): Promise<void> {
  await waitForMap(page);
  expect(await page.locator('.page-embed').count()).toBe(1);
  expect(await legendCounts(page, CATEGORIES)).toEqual({ mlat: 39, mou: 54, framework: 10 });
  // No toolbar, no filter panel, no insights: only the map, its legend and a way to the full page.
  for (const id of ['open-download', 'open-embed', 'open-cite', 'filters-toggle', 'timeline']) {
    expect(await page.getByTestId(id).count(), `${id} in embed mode`).toBe(0);
  }
  const full = page.locator('a[target="_blank"]', { hasText: /./ }).first();
  expect(await full.getAttribute('rel')).toContain('noopener');
}

describeBrowser('map page: embed mode', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;
  let host: StaticServer;
  let hostDir: string;

  beforeAll(async () => {
    await ensureBuilt();
    hostDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-host-'));
    [server, browser, host] = await Promise.all([startAtlas(), launchBrowser(), startStaticServer(hostDir)]);
    p = await openPage(browser, DESKTOP);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await host?.close();
    await server?.close();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  it('the /embed/ route shows minimal chrome', async () => {
    await p.page.goto(`${server.url}/embed/`);
    await expectMinimalChrome(p.page);
  });

  it('?embed=1 on the page shows minimal chrome too', async () => {
    await p.page.goto(`${server.url}/?embed=1`);
    await expectMinimalChrome(p.page);
  });

  it('the Embed dialog code frames the map on another site, which is resized by postMessage', async () => {
    const { page } = p;
    await page.goto(`${server.url}/?cat=mlat,mou`);
    await waitForMap(page);
    await page.getByTestId('open-embed').click();
    await page.getByTestId('embed-dialog').waitFor();
    const iframe = await page.getByTestId('embed-code').inputValue();
    const script = await page.getByTestId('embed-script').inputValue();
    expect(iframe).toMatch(/^<iframe [^>]*src="[^"]*\/embed\/\?cat=mlat,mou"/);
    expect(script).toContain(new URL(server.url).origin);

    writeFileSync(
      join(hostDir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A news article</h1>
<script>window.heights = []; addEventListener('message', function (e) { window.heights.push(e.data); });</script>
${iframe}
${script}
</body></html>`,
    );
    await page.goto(`${host.url}/`);
    const frame = page.frameLocator('iframe');
    await frame.locator('.page-embed').waitFor({ timeout: 30_000 });
    await frame.locator('[data-testid="map"] svg path[role="button"]').first().waitFor({ state: 'attached' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heights: unknown[] }).heights.length))
      .toBeGreaterThan(0);
    const messages = await page.evaluate(
      () => (window as unknown as { heights: Array<{ type: string; height: number }> }).heights,
    );
    expect(messages.every((m) => m.type === 'accord-atlas:height' && m.height > 100)).toBe(true);
    const last = messages[messages.length - 1]!.height;
    // The host's copy of the resize script has set the frame to the page's height.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height))
      .toBe(Math.ceil(last));
    // The filters travel into the embed.
    const inner = page.frames().find((f) => f !== page.mainFrame());
    expect(new URL(inner!.url()).searchParams.get('cat')).toBe('mlat,mou');
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
