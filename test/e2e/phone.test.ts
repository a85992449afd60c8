import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
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
import { clickPointFor, describeProblems, legendCounts, MAP, waitForMap } from './mapPage.ts';

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
      // A phone's first view is the Old World around India; a link's zoom (the same on any screen) shows Brazil.
      await page.goto(`${server.url}/${code === 'BR' ? '?zoom=2.4,0.34,0.62' : ''}`);
      await waitForMap(page);
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

const phone = (width: number, height: number): BrowserContextOptions => ({
  ...PHONE,
  viewport: { width, height },
});

/** Sideways scroll of the whole page, px (0 when it fits). */
const overflowX = (page: Page): Promise<number> =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

/**
 * A point 5 px off the country that a finger could mean it by: on the sea or on land that is not a partner,
 * where the nearest partner (found independently of the page's code: the first partner painted on a disc
 * growing around the point, read with elementFromPoint) is the country itself. Null when no direction fits.
 */
async function offPoint(page: Page, iso2: string): Promise<{ x: number; y: number } | null> {
  const inside = await clickPointFor(page, iso2);
  if (!inside) return null;
  return page.evaluate(
    ({ inside, iso2 }) => {
      const partnerAt = (x: number, y: number): string | null => {
        const el = document.elementFromPoint(x, y)?.closest('[data-a3]');
        if (!el) return null;
        if (el.hasAttribute('data-marker')) return el.getAttribute('data-marker');
        return el.getAttribute('role') === 'button' ? el.getAttribute('data-iso2') : null;
      };
      const nearest = (x: number, y: number): string | null => {
        for (let r = 0; r <= 12; r += 0.5) {
          for (let i = 0; i < 72; i++) {
            const a = (i / 72) * 2 * Math.PI;
            const hit = partnerAt(x + r * Math.cos(a), y + r * Math.sin(a));
            if (hit) return hit;
          }
        }
        return null;
      };
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * 2 * Math.PI;
        const [x, y] = [inside.x + 5 * Math.cos(a), inside.y + 5 * Math.sin(a)];
        if (partnerAt(x, y) === null && nearest(x, y) === iso2) return { x, y };
      }
      return null;
    },
    { inside, iso2 },
  );
}

describeBrowser('a phone map (390×844, touch): taps, map size, sheet, no sideways scroll', () => {
  let server: AtlasServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the map is at least 45% of the screen high, and an open sheet leaves part of it in view', async () => {
    const p = await openPage(browser, phone(390, 844));
    try {
      const { page } = p;
      await page.goto(`${server.url}/`);
      await waitForMap(page);
      await page.locator(`${MAP} svg.aa-map`).scrollIntoViewIfNeeded();
      const box = await page.locator(`${MAP} svg.aa-map`).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(0.45 * 844);
      expect(box!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(shotsDir(), 'phone-390x844-map.png') });
      const point = await clickPointFor(page, 'CN');
      await page.touchscreen.tap(point!.x, point!.y);
      const panel = page.locator('[data-testid="country-panel"]');
      await panel.waitFor({ timeout: 5000 });
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const seen = await page.evaluate((map) => {
        const sheet = document.querySelector('[data-testid="country-panel"]')!.getBoundingClientRect();
        const m = document.querySelector(`${map} svg.aa-map`)!.getBoundingClientRect();
        return { sheetTop: sheet.top, visible: Math.min(m.bottom, sheet.top) - Math.max(m.top, 0) };
      }, MAP);
      expect(seen.sheetTop).toBeGreaterThanOrEqual(0.4 * 844);
      expect(seen.visible, 'map rows in view above the sheet').toBeGreaterThanOrEqual(150);
      await page.screenshot({ path: join(shotsDir(), 'phone-390x844-sheet.png') });
      await page.getByTestId('panel-close').tap();
      await panel.waitFor({ state: 'detached' });
      expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    } finally {
      await p.close();
    }
  });

  for (const code of ['BE', 'QA', 'KW']) {
    it(`a tap 5 px off ${code} (on sea or a non-partner, ${code} the nearest partner) opens ${code}`, async () => {
      const p = await openPage(browser, phone(390, 844));
      try {
        const { page } = p;
        await page.goto(`${server.url}/`);
        await waitForMap(page);
        await page.locator(`${MAP} svg.aa-map`).scrollIntoViewIfNeeded();
        const point = await offPoint(page, code);
        expect(point, `no point 5 px off ${code} where it is the nearest partner`).not.toBeNull();
        await page.touchscreen.tap(point!.x, point!.y);
        await page.locator(`[data-testid="country-panel"][data-iso2="${code}"]`).waitFor({ timeout: 5000 });
        expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
      } finally {
        await p.close();
      }
    });
  }

  it('a double tap zooms in about the finger (the page was at its home view, no zoom in the URL)', async () => {
    const p = await openPage(browser, phone(390, 844));
    try {
      const { page } = p;
      await page.goto(`${server.url}/`);
      await waitForMap(page);
      await page.locator(`${MAP} svg.aa-map`).scrollIntoViewIfNeeded();
      // A point of the map with no partner within 16 px (so neither tap opens a country).
      const sea = await page.evaluate((map) => {
        const r = document.querySelector(`${map} svg.aa-map`)!.getBoundingClientRect();
        const partnerAt = (x: number, y: number): boolean => {
          const el = document.elementFromPoint(x, y)?.closest('[data-a3]');
          return !!el && (el.hasAttribute('data-marker') || el.getAttribute('role') === 'button');
        };
        const clear = (x: number, y: number): boolean => {
          for (let d = 0; d <= 16; d += 2)
            for (let i = 0; i < 24; i++) {
              const a = (i / 24) * 2 * Math.PI;
              if (partnerAt(x + d * Math.cos(a), y + d * Math.sin(a))) return false;
            }
          return true;
        };
        for (let y = r.top + 30; y < Math.min(r.bottom, window.innerHeight) - 30; y += 10)
          for (let x = r.left + 30; x < r.right - 30; x += 10) if (clear(x, y)) return { x, y };
        return null;
      }, MAP);
      expect(sea, 'a point with no partner near').not.toBeNull();
      expect(new URL(page.url()).searchParams.get('zoom')).toBeNull();
      await page.touchscreen.tap(sea!.x, sea!.y);
      await page.waitForTimeout(60);
      await page.touchscreen.tap(sea!.x, sea!.y);
      await expect.poll(() => new URL(page.url()).searchParams.get('zoom'), { timeout: 5000 }).not.toBeNull();
      const [k] = (new URL(page.url()).searchParams.get('zoom') ?? '').split(',').map(Number);
      expect(k).toBeGreaterThan(4);
      expect(await page.locator('[data-testid="country-panel"]').count()).toBe(0);
      expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    } finally {
      await p.close();
    }
  });

  it('two fingers pinch the map in (and the page keeps the view in the URL)', async () => {
    const p = await openPage(browser, phone(390, 844));
    try {
      const { page } = p;
      await page.goto(`${server.url}/`);
      await waitForMap(page);
      await page.locator(`${MAP} svg.aa-map`).scrollIntoViewIfNeeded();
      const box = (await page.locator(`${MAP} svg.aa-map`).boundingBox())!;
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 3];
      const cdp = await page.context().newCDPSession(page);
      const fingers = (d: number): Array<{ x: number; y: number; id: number }> => [
        { x: cx - d, y: cy, id: 1 },
        { x: cx + d, y: cy, id: 2 },
      ];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
      for (let d = 30; d <= 120; d += 10) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(() => new URL(page.url()).searchParams.get('zoom'), { timeout: 5000 }).not.toBeNull();
      const [k] = (new URL(page.url()).searchParams.get('zoom') ?? '').split(',').map(Number);
      // The home view is about 2.1 here; the fingers moved six times as far apart.
      expect(k).toBeGreaterThan(6);
      expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    } finally {
      await p.close();
    }
  });

  it('a country opened from a link (or search) outside the first view is brought into view above the sheet', async () => {
    const p = await openPage(browser, phone(390, 844));
    try {
      const { page } = p;
      await page.goto(`${server.url}/?country=BR`);
      await waitForMap(page);
      await page.locator('[data-testid="country-panel"][data-iso2="BR"]').waitFor();
      await expect
        .poll(() =>
          page.evaluate((map) => {
            const path = document.querySelector<SVGPathElement>(`${map} path[data-iso2="BR"][data-anchor]`);
            const ctm = path?.getScreenCTM();
            if (!path || !ctm) return null;
            const [x, y] = (path.getAttribute('data-anchor') ?? '').split(',').map(Number) as [
              number,
              number,
            ];
            const s = new DOMPoint(x, y).matrixTransform(ctm);
            const svg = document.querySelector(`${map} svg.aa-map`)!.getBoundingClientRect();
            const inView =
              s.x > svg.left && s.x < svg.right && s.y > Math.max(svg.top, 0) && s.y < svg.bottom;
            return inView
              ? document.elementFromPoint(s.x, s.y)?.closest('[data-a3]')?.getAttribute('data-iso2')
              : null;
          }, MAP),
        )
        .toBe('BR');
      expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
    } finally {
      await p.close();
    }
  });

  for (const width of [320, 430]) {
    it(`no sideways scroll at ${width} px in the map, table and compare views and the dialogs`, async () => {
      const p = await openPage(browser, phone(width, 844));
      try {
        const { page } = p;
        for (const query of ['', '?view=table', '?compare=SG,FR,US', '?country=US']) {
          await page.goto(`${server.url}/${query}`);
          await page.waitForSelector('html[data-atlas-ready]', { state: 'attached' });
          expect(await overflowX(page), `${query || 'map'} at ${width} px`).toBeLessThanOrEqual(0);
        }
        await page.goto(`${server.url}/`);
        await waitForMap(page);
        // Nothing spills out of its own box either: each headline card holds its number, name and mark.
        const spilled = await page.$$eval('[data-testid^="legend-card-"]', (cards) =>
          cards
            .filter((card) => {
              const box = card.getBoundingClientRect();
              return [...card.querySelectorAll('*')].some((e) => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
              });
            })
            .map((card) => card.getAttribute('data-testid')),
        );
        expect(spilled, `cards at ${width} px`).toEqual([]);
        for (const dialog of ['embed', 'download', 'cite']) {
          await page.getByTestId(`open-${dialog}`).tap();
          await page.getByTestId(`${dialog}-dialog`).waitFor();
          expect(await overflowX(page), `${dialog} dialog at ${width} px`).toBeLessThanOrEqual(0);
          await page.getByTestId(`${dialog}-dialog`).getByTestId('dialog-close').tap();
          await page.getByTestId(`${dialog}-dialog`).waitFor({ state: 'hidden' });
        }
        if (width === 320) {
          await page.goto(`${server.url}/?view=table`);
          await page.waitForSelector('html[data-atlas-ready]', { state: 'attached' });
          await page.screenshot({ path: join(shotsDir(), 'phone-320-table.png') });
        }
        expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
      } finally {
        await p.close();
      }
    });
  }
});
