import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatasetId } from '../../src/core/ids.ts';
import { mapProjection } from '../../src/web/map/project.ts';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  DESKTOP,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  shotsDir,
  startAtlas,
} from './harness.ts';
import { describeProblems, MAP, waitForMap } from './mapPage.ts';

// The map's boundaries on the rendered page: the shipped CIS dataset draws India's official view (Aksai Chin
// and Gilgit in India), and one dataset setting switches to the de facto view. Points are projected with the
// page's own projection into the map's user units, then through the <svg>'s screen transform to the pixel
// under which the page must show the right country.

const PLACES = {
  aksaiChin: [79.3, 35.2],
  gilgit: [74.5, 35.9],
  newDelhi: [77.21, 28.61],
  lahore: [74.35, 31.55],
} as const satisfies Record<string, [number, number]>;

async function countryAt(page: Page, lonLat: readonly [number, number]): Promise<string | null> {
  const [ux, uy] = mapProjection()([lonLat[0], lonLat[1]])!;
  return page.evaluate(
    ({ ux, uy, map }) => {
      const svg = document.querySelector<SVGSVGElement>(`${map} svg.aa-map`);
      const ctm = svg?.getScreenCTM();
      if (!svg || !ctm) return null;
      const p = new DOMPoint(ux, uy).matrixTransform(ctm);
      const unit = document.elementFromPoint(p.x, p.y)?.closest('[data-a3]');
      return unit?.getAttribute('data-iso2') ?? unit?.getAttribute('data-a3') ?? null;
    },
    { ux, uy, map: MAP },
  );
}

async function where(page: Page): Promise<Record<keyof typeof PLACES, string | null>> {
  const out = {} as Record<keyof typeof PLACES, string | null>;
  for (const [name, lonLat] of Object.entries(PLACES)) {
    out[name as keyof typeof PLACES] = await countryAt(page, lonLat);
  }
  return out;
}

describeBrowser('boundaries by dataset setting (India’s official view, de facto one setting away)', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    p = await openPage(browser, DESKTOP);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('the shipped dataset draws India as India officially claims it, and says so', async () => {
    const { page } = p;
    await page.goto(`${server.url}/`);
    await waitForMap(page);
    await page.locator(`${MAP} svg.aa-map`).scrollIntoViewIfNeeded();
    expect(await where(page)).toEqual({ aksaiChin: 'IN', gilgit: 'IN', newDelhi: 'IN', lahore: 'PK' });
    // No Siachen unit of its own: it is part of India in this view.
    expect(await page.locator(`${MAP} [data-a3="KAS"]`).count()).toBe(0);
    const note = page.getByTestId('boundary-note');
    expect(await note.getAttribute('data-boundaries')).toBe('IN');
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('Boundaries are shown as India officially claims them');
    expect(text).toContain('de facto boundaries are one setting away');
    // The note promises what is drawn: hatching, no dashed outline.
    expect(text).toContain('hatched');
    expect(text).not.toContain('dashed');
    await page.screenshot({ path: join(shotsDir(), 'boundaries-IN-1280.png') });
  });

  it('one dataset setting switches the page to the de facto view', async () => {
    const { page } = p;
    const dataset = await server.running.store.getDataset(server.datasetId as DatasetId);
    expect(dataset).not.toBeNull();
    await server.running.store.putDataset(
      { ...dataset!, boundaries: 'de-facto' },
      { actor: 'e2e', reason: 'de facto boundaries' },
    );
    // The server's snapshot is rechecked after a second; reload until the page draws the other view.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.url}/`);
          return page.getByTestId('boundary-note').getAttribute('data-boundaries');
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe('de-facto');
    await waitForMap(page);
    await page.locator(`${MAP} svg.aa-map`).scrollIntoViewIfNeeded();
    expect(await where(page)).toEqual({ aksaiChin: 'CN', gilgit: 'PK', newDelhi: 'IN', lahore: 'PK' });
    expect(await page.getByTestId('boundary-note').textContent()).toContain('de facto boundaries');
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
