import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AgreementsAnswer,
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
import { clickPointFor, describeProblems, legendCounts, partnersOnMap, waitForMap } from './mapPage.ts';

// Filters change the counts exactly as the read API counts under the same filter (both go through core), and
// all of it lives in the address: a reload restores it, Back undoes it.

const CATEGORIES = ['mlat', 'mou', 'framework'];

/** "56 partner countries · 103 agreements" -> [56, 103] */
async function summary(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('summary').textContent()) ?? '';
  const numbers = (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
  return [numbers[0] ?? Number.NaN, numbers[1] ?? Number.NaN];
}

async function showMoreFilters(page: Page): Promise<void> {
  if (!(await page.getByTestId('timeline-from').isVisible()))
    await page.getByTestId('filters-toggle').click();
  await page.getByTestId('timeline-from').waitFor({ state: 'visible' });
}

describeBrowser('map page: filters, timeline, URL state and Back', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;
  const api = (query: string): Promise<AgreementsAnswer> =>
    server.api<AgreementsAnswer>(`/datasets/${server.datasetId}/agreements${query}`);

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

  const fresh = async (query = ''): Promise<Page> => {
    await p.page.goto(`${server.url}/${query}`);
    await waitForMap(p.page);
    return p.page;
  };

  it('category cards toggle categories: the selection follows, each card keeps its own number', async () => {
    const page = await fresh();
    const all = await api('');
    expect(await summary(page)).toEqual([all.stats.partners, all.total]);

    await page.getByTestId('legend-card-mlat').click();
    await expect
      .poll(() => page.getAttribute('[data-testid="legend-card-mlat"]', 'aria-pressed'))
      .toBe('false');
    const rest = await api('?category=mou,framework');
    expect(rest.stats.partners).toBeLessThan(all.stats.partners);
    await expect.poll(() => summary(page)).toEqual([rest.stats.partners, rest.total]);
    expect((await partnersOnMap(page)).length).toBe(rest.stats.partners);
    // The address follows once the frame is drawn (usePageState.ts).
    await expect.poll(() => new URL(page.url()).searchParams.get('cat')).toBe('mou,framework');
    // A hidden category's card still says what pressing it brings back.
    expect(await legendCounts(page, CATEGORIES)).toEqual(all.stats.counts);

    await page.getByTestId('legend-card-framework').click();
    const mou = await api('?category=mou');
    await expect.poll(() => summary(page)).toEqual([mou.stats.partners, mou.total]);

    await page.getByTestId('legend-card-mlat').click();
    await page.getByTestId('legend-card-framework').click();
    await expect.poll(() => summary(page)).toEqual([all.stats.partners, all.total]);
    await expect.poll(() => new URL(page.url()).searchParams.has('cat')).toBe(false);
  });

  it('the timeline range changes the counts as the API counts them with from/to, undated left out', async () => {
    const page = await fresh();
    await showMoreFilters(page);
    await page.getByTestId('timeline-from').fill('2010');
    await page.getByTestId('timeline-to').fill('2015');
    await expect.poll(() => page.getByTestId('timeline-value').textContent()).toMatch(/2010\D+2015/);
    const strict = await api('?from=2010&to=2015&undated=false');
    await expect.poll(() => legendCounts(page, CATEGORIES)).toEqual(strict.stats.counts);
    expect(await summary(page)).toEqual([strict.stats.partners, strict.total]);
    expect((await partnersOnMap(page)).length).toBe(strict.stats.partners);

    // Shown apart on request: counted as the API counts them with undated kept.
    await page.getByTestId('timeline-undated').check();
    const ranged = await api('?from=2010&to=2015');
    expect(ranged.stats.counts).not.toEqual(strict.stats.counts);
    await expect.poll(() => legendCounts(page, CATEGORIES)).toEqual(ranged.stats.counts);
    expect(await summary(page)).toEqual([ranged.stats.partners, ranged.total]);
    await page.getByTestId('timeline-undated').uncheck();

    // Keyboard: the thumb is a native range input, so arrow keys move it a year.
    await page.getByTestId('timeline-to').focus();
    await page.keyboard.press('ArrowRight');
    const wider = await api('?from=2010&to=2016&undated=false');
    await expect.poll(() => legendCounts(page, CATEGORIES)).toEqual(wider.stats.counts);
  });

  it('at 2000–2001 only France (Sep 2000) is coloured; the undated are counted apart, and shown only as undated', async () => {
    const page = await fresh('?from=2000&to=2001');
    const coloured = async (): Promise<string[]> =>
      page.$$eval('[data-testid="map"] svg path[data-a3]', (els) =>
        els
          .filter((e) => (e.getAttribute('data-categories') ?? '') !== '')
          .map((e) => e.getAttribute('data-iso2') ?? ''),
      );
    // Every drawn unit says what colours it (empty when nothing does).
    const units = await page.$$eval('[data-testid="map"] svg path.aa-unit', (els) =>
      els.map((e) => e.hasAttribute('data-categories')),
    );
    // Every unit of the view the dataset draws (India's official view: 241, Siachen part of India).
    expect(units.length).toBe(241);
    expect(units.every(Boolean)).toBe(true);
    expect(await coloured()).toEqual(['FR']);
    expect(await page.getAttribute('[data-testid="map"] path[data-iso2="FR"]', 'data-categories')).toBe(
      'mou',
    );
    const all = await api('');
    const undated = all.agreements.filter((a) => a.date.year === null).length;
    expect(undated).toBe(52);
    await showMoreFilters(page);
    expect(await page.getByTestId('undated-status').textContent()).toBe(
      `${undated} undated agreements are left out of these years.`,
    );
    await page.getByTestId('timeline-undated').check();
    await expect
      .poll(() => page.getByTestId('undated-status').textContent())
      .toMatch(/^52 undated agreements are shown apart/);
    await expect.poll(() => new URL(page.url()).searchParams.get('undated')).toBe('1');
    // Shown apart, still only France is coloured; the others are outlined and hatched, as undated.
    expect(await coloured()).toEqual(['FR']);
    const apart = await page.$$eval('[data-testid="map"] svg path.aa-undated-only', (els) =>
      els.map((e) => e.getAttribute('data-iso2')),
    );
    expect(apart.length).toBeGreaterThan(30);
    expect(apart).not.toContain('FR');
    expect(await page.getAttribute('[data-testid="map"] path[data-iso2="MX"]', 'aria-label')).toMatch(
      /^Mexico: undated: 1 MLAT$/,
    );
  });

  it('non-governmental and multilateral can be excluded', async () => {
    const page = await fresh();
    await showMoreFilters(page);
    await page.getByTestId('filter-nongovernmental').selectOption('exclude');
    const noNgo = await api('?nonGovernmental=exclude');
    expect(noNgo.total).toBeLessThan((await api('')).total);
    await expect.poll(() => legendCounts(page, CATEGORIES)).toEqual(noNgo.stats.counts);
    expect(await summary(page)).toEqual([noNgo.stats.partners, noNgo.total]);

    await page.getByTestId('filter-multilateral').selectOption('exclude');
    const neither = await api('?nonGovernmental=exclude&multilateral=exclude');
    expect(neither.total).toBeLessThan(noNgo.total);
    await expect.poll(() => summary(page)).toEqual([neither.stats.partners, neither.total]);
    expect(await legendCounts(page, CATEGORIES)).toEqual(neither.stats.counts);

    await page.getByTestId('reset-filters').click();
    const all = await api('');
    await expect.poll(() => summary(page)).toEqual([all.stats.partners, all.total]);
  });

  it('keeps filters, the open country and the view in the URL: reload restores them, Back undoes them', async () => {
    const page = await fresh();
    await showMoreFilters(page);
    await page.getByTestId('legend-card-framework').click();
    await page.getByTestId('filter-nongovernmental').selectOption('exclude');
    await page.getByTestId('timeline-from').fill('2005');
    const filtered = await api('?category=mlat,mou&nonGovernmental=exclude&from=2005&undated=false');
    await expect.poll(() => summary(page)).toEqual([filtered.stats.partners, filtered.total]);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2005');

    const point = await clickPointFor(page, 'FR');
    expect(point, 'no point inside France').not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await page.locator('[data-testid="country-panel"][data-iso2="FR"]').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('FR');
    const withCountry = page.url();

    await page.reload();
    await waitForMap(page);
    expect(page.url()).toBe(withCountry);
    await page.locator('[data-testid="country-panel"][data-iso2="FR"]').waitFor();
    expect(await summary(page)).toEqual([filtered.stats.partners, filtered.total]);
    expect(await page.getAttribute('[data-testid="legend-card-framework"]', 'aria-pressed')).toBe('false');
    await showMoreFilters(page);
    expect(await page.getByTestId('filter-nongovernmental').inputValue()).toBe('exclude');
    expect(await page.getByTestId('timeline-from').inputValue()).toBe('2005');

    await page.getByTestId('view-table').click();
    await page.getByTestId('table-view').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('table');
    await page.reload();
    await page.getByTestId('table-view').waitFor();
    expect(await page.getAttribute('[data-testid="view-table"]', 'aria-pressed')).toBe('true');

    // Back: table -> map with France open -> France closed -> fewer filters.
    await page.goBack();
    await waitForMap(page);
    await page.locator('[data-testid="country-panel"][data-iso2="FR"]').waitFor();
    await page.goBack();
    await page.locator('[data-testid="country-panel"]').waitFor({ state: 'detached' });
    expect(await summary(page)).toEqual([filtered.stats.partners, filtered.total]);
    await page.goBack();
    const twoFilters = await api('?category=mlat,mou&nonGovernmental=exclude');
    await expect.poll(() => summary(page)).toEqual([twoFilters.stats.partners, twoFilters.total]);
  });

  it('the panel close button closes the panel and returns focus to the map', async () => {
    const page = await fresh('?country=SG');
    await page.locator('[data-testid="country-panel"][data-iso2="SG"]').waitFor();
    await page.getByTestId('panel-close').click();
    await page.locator('[data-testid="country-panel"]').waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).searchParams.has('country')).toBe(false);
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="map"]')))
      .toBe(true);
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
