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
  startAtlas,
} from './harness.ts';
import { describeProblems, waitForMap } from './mapPage.ts';

// Printing: Chromium's own PDF of the page, on A4 and on US Letter. The map page prints on one landscape page
// with its title, legend numbers, map and credit, and none of the controls; the table view prints the table,
// its header repeated on every page.

/** The page count a PDF declares in its page tree (the root /Pages node has the largest /Count). */
function pdfPages(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
  return Math.max(0, ...counts);
}

describeBrowser('map page: print', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    p = await openPage(browser);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  for (const query of ['', '?cat=mou&from=2010&to=2016']) {
    it(`the map page${query ? ` (${query})` : ''} prints on one page of A4 and of Letter`, async () => {
      const { page } = p;
      await page.goto(`${server.url}/${query}`);
      await waitForMap(page);
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, preferCSSPageSize: true, printBackground: true });
        expect(pdfPages(pdf), `${format} pages`).toBe(1);
      }
      await page.emulateMedia({ media: 'print' });
      try {
        for (const shown of [
          '.title',
          '[data-testid^="legend-card-"]',
          '[data-testid="map"] svg',
          '.credits',
        ])
          expect(await page.locator(shown).first().isVisible(), `${shown} printed`).toBe(true);
        for (const hidden of ['.toolbar', '.controls', '.aa-zoom-buttons', '.insights'])
          expect(await page.locator(hidden).first().isVisible(), `${hidden} printed`).toBe(false);
      } finally {
        // null, not 'screen': a forced screen medium would also apply to page.pdf().
        await page.emulateMedia({ media: null });
      }
    });
  }

  it('with a country open prints the map on the first page, its agreements on the next, the filters in words and the citation with the address', async () => {
    const { page } = p;
    await page.goto(`${server.url}/?country=US&cat=mou&from=2010&to=2017&region=Americas`);
    await waitForMap(page);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, preferCSSPageSize: true, printBackground: true });
      // The map's page, then the panel's (the US has many agreements: it may continue on a third).
      expect(pdfPages(pdf), `${format} pages`).toBeGreaterThanOrEqual(2);
      expect(pdfPages(pdf), `${format} pages`).toBeLessThanOrEqual(3);
    }
    await page.emulateMedia({ media: 'print' });
    try {
      const filters = page.getByTestId('print-filters');
      expect(await filters.isVisible()).toBe(true);
      expect(await filters.textContent()).toBe(
        'Showing: MoUs only, 2010–2017, undated agreements left out, region Americas',
      );
      const citation = (await page.getByTestId('print-citation').textContent()) ?? '';
      expect(citation).toContain('Cite as:');
      expect(citation).toContain(`${server.url}/?country=US&cat=mou&from=2010&to=2017&region=Americas`);
      const panel = page.getByTestId('country-panel');
      expect(await panel.isVisible()).toBe(true);
      expect(await panel.locator('[data-agreement]').count()).toBeGreaterThan(2);
      expect(await panel.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
      expect(await page.getByTestId('panel-permalink').isVisible()).toBe(false);
      // The map is whole on the first page (its box ends above the panel's page break).
      expect(await page.getByTestId('combo-legend').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
    }
    // On screen the print-only context is hidden.
    expect(await page.getByTestId('print-context').isVisible()).toBe(false);
  });

  it('the table view prints every row, its header on every page and no search box', async () => {
    const { page } = p;
    await page.goto(`${server.url}/?view=table`);
    await page.getByTestId('table').waitFor();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByTestId('table-search').isVisible()).toBe(false);
      expect(await page.locator('[data-testid="table"] tbody tr').count()).toBe(103);
      expect(
        await page.locator('[data-testid="table"] thead').evaluate((el) => getComputedStyle(el).display),
      ).toBe('table-header-group');
    } finally {
      // null, not 'screen': a forced screen medium would also apply to page.pdf().
      await page.emulateMedia({ media: null });
    }
  });

  it('says "Copied" visibly next to each copy button, not only to screen readers', async () => {
    const { page, context } = p;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/?country=SG`);
    await waitForMap(page);
    for (const id of ['copy-link', 'panel-permalink']) {
      const status = page.getByTestId(`${id}-status`);
      expect(await status.isVisible(), `${id}: nothing shown before copying`).toBe(false);
      await page.getByTestId(id).click();
      await expect.poll(() => status.textContent()).toBe('Copied');
      expect(await status.isVisible(), `${id}: the confirmation is visible`).toBe(true);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('country=SG');
    }
    await page.getByTestId('open-cite').click();
    await page.getByTestId('cite-dialog-text-copy').click();
    await expect.poll(() => page.getByTestId('cite-dialog-text-copy-status').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(server.url);
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
