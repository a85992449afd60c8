import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ciede2000, linearToLab, type Rgb, rgbToLab, toLinear } from '../../src/web/map/colour/deltaE.ts';
import { simulate, VISIONS } from '../../src/web/map/colour/vision.ts';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  DESKTOP,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  PHONE,
  startAtlas,
} from './harness.ts';
import { describeProblems, MAP, waitForMap } from './mapPage.ts';

// The colours of the category combinations as a reader sees them: the rendered fill of one country of each
// combination the seed has (Mexico MLAT, Brazil MoU, Kazakhstan MLAT + MoU, China MoU + Framework, the USA all
// three), averaged over pixels well inside the shape in a screenshot of the live map, then compared in
// normal vision, under deuteranopia, protanopia and tritanopia (Machado et al. 2009, severity 1) and in
// greyscale: every pair differs by CIEDE2000 >= 10.

const SAMPLES: Record<string, string> = {
  MX: 'mlat',
  BR: 'mou',
  KZ: 'mlat mou',
  CN: 'mou framework',
  US: 'mlat mou framework',
};

/** Screen points deep inside a country's shape (every point 6 px around is inside it too). */
async function interiorPoints(page: Page, iso2: string): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate(
    ({ iso2, map }) => {
      const root = document.querySelector(map)!;
      const path = [...root.querySelectorAll<SVGPathElement>(`path.aa-unit[data-iso2="${iso2}"]`)][0]!;
      const ctm = path.getScreenCTM()!;
      const inv = ctm.inverse();
      const box = path.getBoundingClientRect();
      const inside = (x: number, y: number): boolean => {
        const p = new DOMPoint(x, y).matrixTransform(inv);
        const top = document.elementFromPoint(x, y)?.closest('[data-a3]');
        return path.isPointInFill(p) && top === path;
      };
      // A grid of 3 px; a point counts when its neighbours 6 px around are inside too (no border pixels).
      const step = 3;
      const hits = new Set<string>();
      const [x0, y0] = [Math.ceil(box.left), Math.ceil(box.top)];
      for (let x = x0; x < box.right; x += step)
        for (let y = y0; y < box.bottom; y += step) if (inside(x, y)) hits.add(`${x},${y}`);
      const out: Array<{ x: number; y: number }> = [];
      for (const key of hits) {
        const [x, y] = key.split(',').map(Number) as [number, number];
        const d = 2 * step;
        if ([-d, 0, d].every((dx) => [-d, 0, d].every((dy) => hits.has(`${x + dx},${y + dy}`))))
          out.push({ x, y });
      }
      return out;
    },
    { iso2, map: MAP },
  );
}

describeBrowser('map page: category combinations told apart in colour, greyscale and three CVDs', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    p = await openPage(browser, DESKTOP);
    await p.page.goto(`${server.url}/`);
    await waitForMap(p.page);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('draws the five combinations with mean colours at least CIEDE2000 10 apart under every vision', async () => {
    const { page } = p;
    await page.locator(MAP).scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    const points = new Map<string, Array<{ x: number; y: number }>>();
    for (const [iso2, categories] of Object.entries(SAMPLES)) {
      expect(await page.getAttribute(`${MAP} path[data-iso2="${iso2}"]`, 'data-categories')).toBe(categories);
      const found = await interiorPoints(page, iso2);
      expect(found.length, `${iso2}: pixels inside the shape`).toBeGreaterThan(40);
      points.set(iso2, found);
    }
    const png = await page.screenshot();
    // Decode the screenshot in a blank page (no CSP) through a canvas.
    const blank = await p.context.newPage();
    const pixels = await blank.evaluate(
      async ({ data, sets }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const all = ctx.getImageData(0, 0, img.width, img.height).data;
        const scale = img.width / window.innerWidth;
        const out: Record<string, number[][]> = {};
        for (const [key, pts] of sets) {
          out[key] = pts.map(({ x, y }) => {
            const i = (Math.round(y * scale) * img.width + Math.round(x * scale)) * 4;
            return [all[i]!, all[i + 1]!, all[i + 2]!];
          });
        }
        return out;
      },
      { data: png.toString('base64'), sets: [...points.entries()] },
    );
    await blank.close();
    // The mean colour in linear light (what the eye integrates over a textured area), back to sRGB.
    const means = new Map<string, Rgb>();
    for (const [iso2, list] of Object.entries(pixels)) {
      const sum = [0, 0, 0];
      for (const px of list) for (let c = 0; c < 3; c++) sum[c]! += toLinear(px[c]!);
      const lab = linearToLab([sum[0]! / list.length, sum[1]! / list.length, sum[2]! / list.length]);
      expect(lab[0]).toBeGreaterThan(0);
      const lin = sum.map((v) => v / list.length);
      means.set(
        iso2,
        lin.map((v) => (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055) * 255) as unknown as Rgb,
      );
    }
    const report: string[] = [];
    let min = Number.POSITIVE_INFINITY;
    const codes = Object.keys(SAMPLES);
    for (const vision of VISIONS) {
      for (let i = 0; i < codes.length; i++) {
        for (let j = i + 1; j < codes.length; j++) {
          const a = rgbToLab(simulate(means.get(codes[i]!)!, vision));
          const b = rgbToLab(simulate(means.get(codes[j]!)!, vision));
          const d = ciede2000(a, b);
          min = Math.min(min, d);
          if (d < 10) report.push(`${codes[i]} vs ${codes[j]} under ${vision}: ${d.toFixed(2)}`);
        }
      }
    }
    console.log(`smallest CIEDE2000 between combinations: ${min.toFixed(2)}`);
    expect(report, 'pairs of combinations closer than CIEDE2000 10').toEqual([]);
  });

  it("picks out a combination's countries when its legend entry is pointed at or focused", async () => {
    const { page } = p;
    const mlatMou = await page.$$eval(`${MAP} path.aa-unit[data-categories="mlat mou"]`, (els) =>
      [...new Set(els.map((e) => e.getAttribute('data-iso2')))].sort(),
    );
    expect(mlatMou).toContain('KZ');
    const entry = page.getByTestId('combo-mlat.mou');
    expect(await entry.textContent()).toContain(`${mlatMou.length} countries`);
    await entry.hover();
    await expect.poll(() => page.locator(`${MAP} .aa-dimmed`).count()).toBe(1);
    const picked = await page.$$eval(`${MAP} [data-highlight]`, (els) =>
      [...new Set(els.map((e) => e.getAttribute('data-highlight')))].sort(),
    );
    // Every country of the combination (a tiny one by its marker ring) is picked out, nothing else.
    expect(picked.filter((c) => !mlatMou.includes(c))).toEqual([]);
    expect(picked.length).toBeGreaterThan(mlatMou.length - 3);
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator(`${MAP} .aa-dimmed`).count()).toBe(0);
    await page.getByTestId('combo-mou.framework').focus();
    await expect
      .poll(() =>
        page.$$eval(`${MAP} [data-highlight]`, (els) =>
          els.map((e) => e.getAttribute('data-highlight')).sort(),
        ),
      )
      .toEqual(['CN', 'JP']);
  });

  it('a click or a tap pins a combination until the entry is pressed again', async () => {
    const { page } = p;
    const picked = () =>
      page.$$eval(`${MAP} [data-highlight]`, (els) =>
        [...new Set(els.map((e) => e.getAttribute('data-highlight')))].sort(),
      );
    const entry = page.getByTestId('combo-mou.framework');
    await entry.click();
    expect(await entry.getAttribute('aria-pressed')).toBe('true');
    // Pointer and focus gone: still picked out.
    await page.mouse.move(0, 0);
    await entry.evaluate((e) => (e as HTMLElement).blur());
    await expect.poll(picked).toEqual(['CN', 'JP']);
    // A filter that takes the combination off the map leaves nothing dimmed; bringing it back brings the pin back.
    await page.getByTestId('legend-card-framework').click();
    await expect.poll(() => page.locator(`${MAP} .aa-dimmed`).count()).toBe(0);
    await page.getByTestId('legend-card-framework').click();
    await expect.poll(picked).toEqual(['CN', 'JP']);
    await entry.click();
    expect(await entry.getAttribute('aria-pressed')).toBe('false');
    await page.mouse.move(0, 0);
    await entry.evaluate((e) => (e as HTMLElement).blur());
    await expect.poll(picked).toEqual([]);

    // A phone has no pointing: a tap alone picks the countries out, and keeps them picked out.
    const phone = await openPage(browser, PHONE);
    try {
      await phone.page.goto(`${server.url}/`);
      await waitForMap(phone.page);
      const mlat = phone.page.getByTestId('combo-mlat');
      await mlat.tap();
      expect(await mlat.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => phone.page.locator(`${MAP} [data-highlight="MX"]`).count()).toBe(1);
      expect(describeProblems(phone.guard.blocked, phone.problems.errors)).toBe('');
    } finally {
      await phone.close();
    }
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
