import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  type CountryAnswer,
  DESKTOP,
  type DocumentAnswer,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  shotsDir,
  startAtlas,
} from './harness.ts';
import {
  clickPointFor,
  describeProblems,
  focusedCountry,
  focusInMap,
  legendCounts,
  MAP,
  PARTNER_SHAPES,
  panelAgreements,
  partnersOnMap,
  waitForMap,
} from './mapPage.ts';

// The headline numbers, and every partner reachable by pointer (a point inside its shape or on its marker)
// and by keyboard, with a panel that lists exactly what the read API has for that country, in date order.

describeBrowser('map page: counts, every partner by click and by keyboard', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;
  let doc: DocumentAnswer;
  let partners: string[];

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    doc = await server.api<DocumentAnswer>(`/datasets/${server.datasetId}/document`);
    const focal = doc.dataset.focalCountry;
    partners = [...new Set(doc.agreements.flatMap((a) => a.partners).filter((c) => c !== focal))].sort();
    p = await openPage(browser, DESKTOP);
    await p.page.goto(`${server.url}/`);
    await waitForMap(p.page);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the headline counts 39 / 54 / 10 in the legend cards and 56 partners on the map', async () => {
    const counts = await legendCounts(
      p.page,
      doc.dataset.categories.map((c) => c.id),
    );
    expect(counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    expect(partners).toHaveLength(56);
    expect(await partnersOnMap(p.page)).toEqual(partners);
    await p.page.screenshot({ path: join(shotsDir(), 'desktop-1280x800.png') });
    await p.page.screenshot({ path: join(shotsDir(), 'desktop-1280x800-full.png'), fullPage: true });
  });

  it('opens every partner by clicking inside its shape or marker, with the panel matching the API', {
    timeout: 240_000,
  }, async () => {
    const { page } = p;
    const unreachable: string[] = [];
    const mismatched: string[] = [];
    let markers = 0;
    for (const code of partners) {
      const point = await clickPointFor(page, code);
      if (point === null) {
        unreachable.push(code);
        continue;
      }
      if (point.via === 'marker') markers++;
      await page.mouse.click(point.x, point.y);
      const panel = page.locator(`[data-testid="country-panel"][data-iso2="${code}"]`);
      try {
        await panel.waitFor({ timeout: 5000 });
      } catch {
        const open = await page.getAttribute('[data-testid="country-panel"]', 'data-iso2').catch(() => null);
        unreachable.push(
          `${code} (clicked ${point.via} at ${Math.round(point.x)},${Math.round(point.y)}; panel: ${open})`,
        );
        continue;
      }
      const api = await server.api<CountryAnswer>(`/datasets/${server.datasetId}/countries/${code}`);
      const expected: Record<string, string[]> = {};
      for (const [cat, list] of Object.entries(api.agreements)) {
        // The panel lists them oldest first, undated last (the API: in id order).
        const key = (a: (typeof list)[number]): number =>
          a.date.year === null
            ? Number.POSITIVE_INFINITY
            : a.date.year * 1e4 + (a.date.month ?? 0) * 100 + (a.date.day ?? 0);
        if (list.length > 0) expected[cat] = [...list].sort((x, y) => key(x) - key(y)).map((a) => a.id);
      }
      const shown = await panelAgreements(page);
      if (JSON.stringify(shown) !== JSON.stringify(expected)) {
        mismatched.push(`${code}: panel ${JSON.stringify(shown)} vs API ${JSON.stringify(expected)}`);
      }
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    }
    expect(unreachable, 'partners that a click could not open').toEqual([]);
    expect(mismatched, 'panels that differ from the API').toEqual([]);
    // The tiny states (Singapore, Bahrain, Mauritius …) are reached through their markers.
    expect(markers).toBeGreaterThan(0);
  });

  it('lists only partners and notes countries in the accessibility tree, by name; the rest as one group', async () => {
    const { page } = p;
    const notesOnly = [...new Set(doc.notes.map((n) => n.country))].filter((c) => !partners.includes(c));
    expect(notesOnly.length).toBeGreaterThan(0);
    const tree = await page.locator(`${MAP} svg.aa-map`).ariaSnapshot();
    const buttons = [...tree.matchAll(/button "([^"]+)"/g)].map((m) => m[1]!);
    expect(buttons).toHaveLength(partners.length + notesOnly.length);
    const names = buttons.map((b) => b.slice(0, b.indexOf(':')));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(buttons).toContain('Dominica: research notes, no agreements');
    expect(buttons.some((b) => b.startsWith('Bahrain: 1 MLAT'))).toBe(true);
    expect(tree).not.toContain('Chile');
    expect([...tree.matchAll(/img "([^"]+)"/g)].map((m) => m[1])).toEqual([
      expect.stringMatching(
        /^India \(focal country\) and \d+ other countries and territories: no agreements$/,
      ),
    ]);
    // Every drawn country keeps its code for scripts and tests.
    expect(await page.locator(`${MAP} svg path.aa-unit[data-iso2]`).count()).toBe(237);
    // A notes country opens its panel from the map.
    const point = await clickPointFor(page, 'EE');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await page.locator('[data-testid="country-panel"][data-iso2="EE"]').waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="country-panel"]').waitFor({ state: 'detached' });
  });

  it('has one tab stop into the map; arrow keys reach every partner; Enter opens, Escape closes', async () => {
    const { page } = p;
    await page.goto(`${server.url}/`);
    await waitForMap(page);
    expect(await page.locator(`${PARTNER_SHAPES}[tabindex="0"]`).count()).toBe(1);

    let tabs = 0;
    while (!(await focusInMap(page)) && tabs < 80) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await focusInMap(page), 'Tab never reached the map').toBe(true);

    await page.keyboard.press('Home');
    const reached = new Set<string>();
    const spoken: string[] = [];
    let previous: string | null = null;
    for (let i = 0; i < partners.length + 20; i++) {
      const code = await focusedCountry(page);
      if (code === null || code === previous) break;
      reached.add(code);
      spoken.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
      previous = code;
      await page.keyboard.press('ArrowRight');
    }
    // Every partner and every country with research notes, in alphabetical order of their names.
    const notes = doc.notes.map((n) => n.country);
    expect([...reached].sort()).toEqual([...new Set([...partners, ...notes])].sort());
    const names = spoken.map((s) => s.slice(0, s.indexOf(':')));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    // Up/Down move somewhere else on the map and keep focus in it.
    const before = await focusedCountry(page);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect(await focusInMap(page)).toBe(true);
    expect(await focusedCountry(page)).not.toBeNull();

    const target = (await focusedCountry(page)) ?? before!;
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="country-panel"][data-iso2="${target}"]`).waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="country-panel"]').waitFor({ state: 'detached', timeout: 5000 });
    // Focus goes back to the map, where the reader was.
    await expect.poll(() => focusedCountry(page)).toBe(target);

    // One tab stop: the next Tab leaves the map's countries.
    await page.keyboard.press('Tab');
    // Says where focus went and which shapes are tab stops, should this ever fail again (it did once, on CI).
    const where = await page.evaluate(
      (map) =>
        `focus on ${document.activeElement?.outerHTML.slice(0, 160)}; tab stops: ${[
          ...document.querySelectorAll(`${map} svg [tabindex="0"]`),
        ]
          .map((e) => e.getAttribute('data-a3'))
          .join(', ')}`,
      MAP,
    );
    expect(await focusInMap(page), where).toBe(false);
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
