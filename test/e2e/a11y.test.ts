import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
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
  PHONE,
  shotsDir,
  startAtlas,
} from './harness.ts';
import { describeProblems, waitForMap } from './mapPage.ts';

// axe-core with the WCAG 2.1 A and AA rules, in every state a reader can put the page in. A violation is
// printed with its rule, what it means and where, so whoever fixes the page knows what to look at.

const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// One axe pass over the map's 242 shapes takes seconds, many more on a busy two-core machine.
const SLOW = 180_000;

async function settle(page: Page): Promise<void> {
  // Colour contrast is judged on what is painted: let entrance animations and transitions finish.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
    timeout: 5000,
  });
}

async function violations(page: Page): Promise<string[]> {
  await settle(page);
  const result = await new AxeBuilder({ page }).withTags(WCAG21AA).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map(
          (n) =>
            `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`,
        )
        .join('; ')}${v.nodes.length > 4 ? ` … and ${v.nodes.length - 4} more` : ''}`,
  );
}

describeBrowser('map page: accessibility (axe, WCAG 2.1 AA) in every state', () => {
  let server: AtlasServer;
  let browser: Browser;
  const opened: GuardedPage[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    for (const p of opened) await p.close();
    await browser?.close();
    await server?.close();
  });

  const open = async (query: string, options: BrowserContextOptions = DESKTOP): Promise<Page> => {
    const p = await openPage(browser, options);
    opened.push(p);
    await p.page.goto(`${server.url}/${query}`);
    if (!query.includes('view=table')) await waitForMap(p.page);
    return p.page;
  };

  it('initial state', { timeout: SLOW }, async () => {
    const page = await open('');
    expect(await violations(page)).toEqual([]);
  });

  it('country panel open', { timeout: SLOW }, async () => {
    const page = await open('?country=SG');
    await page.getByTestId('country-panel').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(shotsDir(), 'desktop-1280x800-panel.png') });
  });

  it('table view', { timeout: SLOW }, async () => {
    const page = await open('?view=table');
    await page.getByTestId('table-view').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(shotsDir(), 'desktop-1280x800-table.png') });
  });

  it('each dialog open (download, embed, cite)', { timeout: SLOW }, async () => {
    const page = await open('');
    for (const dialog of ['download', 'embed', 'cite'] as const) {
      await page.getByTestId(`open-${dialog}`).click();
      await page.getByTestId(`${dialog}-dialog`).waitFor();
      expect(await violations(page), `${dialog} dialog`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId(`${dialog}-dialog`).waitFor({ state: 'detached' });
    }
  });

  it('dark theme (prefers-color-scheme: dark), initial and with a panel', { timeout: SLOW }, async () => {
    const page = await open('', { ...DESKTOP, colorScheme: 'dark' });
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(shotsDir(), 'desktop-1280x800-dark.png') });
    await page.goto(`${server.url}/?country=FR`);
    await page.getByTestId('country-panel').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('phone 375×812, initial and with the bottom sheet open', { timeout: SLOW }, async () => {
    const page = await open('', PHONE);
    expect(await violations(page)).toEqual([]);
    await page.goto(`${server.url}/?country=MU`);
    await page.getByTestId('country-panel').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('high contrast (forced colours): the chosen view and a picked key entry stand out, the map keeps its colours', {
    timeout: SLOW,
  }, async () => {
    const page = await open('', { ...DESKTOP, forcedColors: 'active' });
    const look = (testid: string) =>
      page.getByTestId(testid).evaluate((e) => {
        const s = getComputedStyle(e);
        return { background: s.backgroundColor, color: s.color, outline: s.outlineStyle };
      });
    const [map, table] = [await look('view-map'), await look('view-table')];
    // The system colours replace the page's; the pressed segment must not look like the other one.
    expect(map.background).not.toBe(table.background);
    expect(map.color).not.toBe(table.color);
    // The map's fills are patterns (url()), which forced colours leave alone: the encoding survives.
    expect(
      await page
        .locator('[data-testid="map"] path.aa-partner[data-iso2="BR"]')
        .evaluate((e) => getComputedStyle(e).fill),
    ).toMatch(/^url\(/);
    await page.getByTestId('combo-mou').click();
    expect((await look('combo-mou')).outline).not.toBe('none');
    expect((await look('combo-mlat')).outline).toBe('none');
    expect(await violations(page)).toEqual([]);
  });

  it('made no request outside 127.0.0.1 and logged no error in any of them', () => {
    expect(
      describeProblems(
        opened.flatMap((p) => p.guard.blocked),
        opened.flatMap((p) => p.problems.errors),
      ),
    ).toBe('');
  });
});
