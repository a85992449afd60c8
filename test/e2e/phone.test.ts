import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  PHONE,
  shotsDir,
  startAtlas,
} from './harness.ts';
import { clickPointFor, describeProblems, legendCounts, waitForMap } from './mapPage.ts';

// A phone, 375×812 with touch only: the page fits the width, a tap on a partner opens its details as a bottom
// sheet (no hover needed), and the sheet closes again.

describeBrowser('map page on a phone (375×812, touch)', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    p = await openPage(browser, PHONE);
    await p.page.goto(`${server.url}/`);
    await waitForMap(p.page);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('fits the width and shows the headline counts', async () => {
    const { page } = p;
    expect(await legendCounts(page, ['mlat', 'mou', 'framework'])).toEqual({
      mlat: 39,
      mou: 54,
      framework: 10,
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shotsDir(), 'phone-375x812.png') });
    await page.screenshot({ path: join(shotsDir(), 'phone-375x812-full.png'), fullPage: true });
  });

  for (const code of ['BR', 'SG']) {
    it(`a tap on ${code} opens its details as a bottom sheet`, async () => {
      const { page } = p;
      const point = await clickPointFor(page, code);
      expect(point, `no point on ${code}`).not.toBeNull();
      await page.touchscreen.tap(point!.x, point!.y);
      const panel = page.locator(`[data-testid="country-panel"][data-iso2="${code}"]`);
      await panel.waitFor({ timeout: 5000 });
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const sheet = await panel.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return {
          position: getComputedStyle(el).position,
          left: r.left,
          right: r.right,
          bottom: r.bottom,
          top: r.top,
        };
      });
      expect(sheet.position).toBe('fixed');
      expect(sheet.left).toBeLessThanOrEqual(1);
      expect(sheet.right).toBeGreaterThanOrEqual(374);
      expect(Math.abs(sheet.bottom - 812)).toBeLessThanOrEqual(1);
      // A sheet, not a full-screen cover: some of the map stays in view above it.
      expect(sheet.top).toBeGreaterThan(100);
      if (code === 'SG') await page.screenshot({ path: join(shotsDir(), 'phone-375x812-sheet.png') });
      await page.getByTestId('panel-close').tap();
      await panel.waitFor({ state: 'detached' });
    });
  }

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
