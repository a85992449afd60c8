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
  startAtlas,
} from './harness.ts';
import { describeProblems, MAP, waitForMap } from './mapPage.ts';

// What one filter step draws in its own frame, and what follows it (OffscreenLater.tsx, usePageState.ts): the
// map and the cards at once; the year chart and the combination key at once while they are on screen, and
// right after the frame while they are not; the address after the frame. Nothing is left behind for good.

type Snapshot = { partners: number; bars: number; combos: string; search: string };

/**
 * Runs in the page (serialised, so self-contained): the page as it is now, or, with `toggle`, after a click on
 * the MoU card, read in the frame that shows the click, before it is painted.
 */
async function snapshotInPage({ map, toggle }: { map: string; toggle: boolean }): Promise<Snapshot> {
  const read = (): Snapshot => ({
    partners: document.querySelectorAll(`${map} svg path.aa-partner[data-iso2]`).length,
    bars: document.querySelectorAll('[data-testid="year-chart"] rect.chart-bar').length,
    combos: [...document.querySelectorAll('[data-testid="combo-legend"] [data-combo]')]
      .map((e) => e.getAttribute('data-combo'))
      .join(' '),
    search: window.location.search,
  });
  if (!toggle) return read();
  document.querySelector<HTMLButtonElement>('[data-testid="legend-card-mou"]')!.click();
  return new Promise<Snapshot>((resolve) => requestAnimationFrame(() => resolve(read())));
}

/** Clicks the MoU card and reads the page in the frame that shows the click, before it is painted. */
function toggleAndReadFrame(page: Page): Promise<Snapshot> {
  return page.evaluate(snapshotInPage, { map: MAP, toggle: true });
}

/** The page as it is now. */
function read(page: Page): Promise<Snapshot> {
  return page.evaluate(snapshotInPage, { map: MAP, toggle: false });
}

/** The page once a just-loaded page has settled (its observers have reported). */
async function settled(page: Page): Promise<Snapshot> {
  await page.waitForTimeout(400);
  return read(page);
}

describeBrowser('map page: what a filter step draws at once and what follows it', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('off screen, the chart and the key follow right after the frame; the address too', async () => {
    p = await openPage(browser, DESKTOP);
    const { page } = p;
    try {
      await page.goto(`${server.url}/`);
      await waitForMap(page);
      const before = await settled(page);
      // At 1280 × 800 the chart and the key are below the fold.
      expect(
        await page.getByTestId('year-chart').evaluate((e) => e.getBoundingClientRect().top),
      ).toBeGreaterThan(800);
      const frame = await toggleAndReadFrame(page);
      expect(frame.partners).toBeLessThan(before.partners);
      // Not yet: these are drawn once this frame is.
      expect(frame.bars).toBe(before.bars);
      expect(frame.combos).toBe(before.combos);
      expect(frame.search).toBe('');
      // Right after: the address says it; the chart has fewer bars (MoUs carry the dated agreements), and no
      // key entry names an MoU.
      await expect
        .poll(async () => new URLSearchParams((await read(page)).search).get('cat'))
        .toBe('mlat,framework');
      await expect.poll(async () => (await read(page)).combos).not.toMatch(/mou/);
      const after = await read(page);
      expect(after.partners).toBe(frame.partners);
      expect(after.bars).toBeLessThan(before.bars);
      expect(after.combos.length).toBeGreaterThan(0);

      // Two steps in a row: everything ends up showing the last one (MoUs back).
      await toggleAndReadFrame(page);
      await expect.poll(() => read(page)).toEqual(before);
      expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    } finally {
      await p.close();
    }
  });

  it('on screen, the chart and the key change in the same frame as the map', async () => {
    p = await openPage(browser, { ...DESKTOP, viewport: { width: 1280, height: 2400 } });
    const { page } = p;
    try {
      await page.goto(`${server.url}/`);
      await waitForMap(page);
      const before = await settled(page);
      const frame = await toggleAndReadFrame(page);
      expect(frame.partners).toBeLessThan(before.partners);
      expect(frame.bars).toBeLessThan(before.bars);
      expect(frame.combos).not.toMatch(/mou/);

      // Scrolled into view after a step made off screen, they are current.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
      await toggleAndReadFrame(page);
      await page.getByTestId('year-chart').scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.locator('[data-testid="year-chart"] rect.chart-bar').count())
        .toBe(before.bars);
      expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    } finally {
      await p.close();
    }
  });
  it('two steps in quick succession are two history entries, even before the first is written', async () => {
    p = await openPage(browser, DESKTOP);
    const { page } = p;
    try {
      await page.goto(`${server.url}/`);
      await waitForMap(page);
      const before = await page.evaluate(() => window.history.length);
      // The second click comes in the next task, before the first step's address is written (after its frame).
      const written = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.querySelector<HTMLButtonElement>('[data-testid="legend-card-mou"]')!.click();
            setTimeout(() => {
              const between = window.location.search;
              document.querySelector<HTMLButtonElement>('[data-testid="legend-card-framework"]')!.click();
              resolve(between);
            }, 0);
          }),
      );
      // Not yet written when the second step began: the case where the two could have merged.
      expect(new URLSearchParams(written).get('cat')).toBeNull();
      await expect.poll(() => new URL(page.url()).searchParams.get('cat')).toBe('mlat');
      expect(await page.evaluate(() => window.history.length)).toBe(before + 2);
      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get('cat')).toBe('mlat,framework');
      await expect
        .poll(() => page.getAttribute('[data-testid="legend-card-framework"]', 'aria-pressed'))
        .toBe('true');
      expect(await page.getAttribute('[data-testid="legend-card-mou"]', 'aria-pressed')).toBe('false');
      expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    } finally {
      await p.close();
    }
  });
});
