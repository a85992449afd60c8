import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bakeSite } from '../../src/bake/index.ts';
import type { Agreement } from '../../src/core/schemas.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
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
  startStaticServer,
} from './harness.ts';
import { describeProblems, waitForMap } from './mapPage.ts';

// Sources, status and readers' corrections in a real Chromium against a real server: the panel shows a broken
// source with its archived copy and "checked DATE"; the Status filter narrows the page and lives in the URL; a
// reader's "Suggest a correction" (the form's code loaded on click, under the strict CSP) lands in the editor's
// Suggestions tab as text; the Sources tab lists broken sources first and saves an archived copy.
// No link check runs here: the seed's sources are on the internet.

const USER = { email: 'sources@example.org', password: 'a long sources passphrase' };
const ARCHIVED = 'https://web.archive.org/web/20170101000000/http://cbi.nic.in/interpol/mlat/Australia.pdf';
const SCRIPT_TEXT = '<script>window.__pwned = 1</script> The 2015 MoU date looks wrong to me.';

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}

describeBrowser('sources, status and suggestions', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;
  let mlat: Agreement;
  let mou: Agreement;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    const store = server.running.store;
    await store.createUser(USER.email, 'editor', await hashPassword(USER.password));
    const au = await store.listAgreements(server.datasetId as never, { partners: ['AU' as never] });
    mlat = au.find((a) => a.category === 'mlat')!;
    mou = au.find((a) => a.category === 'mou')!;
    const by = { actor: 'link check', reason: 'test' };
    await store.updateAgreement(
      mlat.id,
      mlat.version,
      {
        sources: mlat.sources.map((s, i) =>
          i === 0
            ? {
                ...s,
                httpStatus: 404,
                lastChecked: '2026-11-30T10:00:00.000Z',
                archivedUrl: ARCHIVED,
                finalUrl: s.url,
              }
            : s,
        ),
        status: 'in-force',
      },
      by,
    );
    await store.updateAgreement(
      mou.id,
      mou.version,
      {
        sources: mou.sources.map((s) => ({ ...s, httpStatus: 200, lastChecked: '2026-11-30T10:00:00.000Z' })),
      },
      by,
    );
    p = await openPage(browser, DESKTOP);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  const fresh = async (query = ''): Promise<Page> => {
    await p.page.goto(`${server.url}/${query}`);
    if (query.includes('view=table')) await p.page.getByTestId('table').waitFor();
    else await waitForMap(p.page);
    return p.page;
  };

  it('the panel shows a broken source, its archived copy and the date it was checked', async () => {
    const page = await fresh('?country=AU');
    const item = page.locator(`[data-agreement="${mlat.id}"]`);
    await item.waitFor();
    expect(await item.getByTestId('source-broken').textContent()).toBe('link broken (HTTP 404)');
    const archived = item.getByRole('link', { name: /archived copy/ });
    expect(await archived.getAttribute('href')).toBe(ARCHIVED);
    expect(await item.getByTestId('source-checked').textContent()).toMatch(
      /checked (30 November 2026|November 30, 2026)/,
    );
    expect(await item.textContent()).toContain('In force');
    // A source that answered is not called broken, but its check date shows.
    const ok = page.locator(`[data-agreement="${mou.id}"]`);
    expect(await ok.getByTestId('source-broken').count()).toBe(0);
    expect(await ok.getByTestId('source-checked').count()).toBeGreaterThan(0);
  });

  it('the Status filter narrows the page as ?status= narrows the API, and lives in the URL', async () => {
    const page = await fresh('?view=table');
    if (!(await page.getByTestId('filter-status').isVisible()))
      await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-status').selectOption('in-force');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('in-force');
    const api = await server.api<AgreementsAnswer>(
      `/datasets/${server.datasetId}/agreements?status=in-force`,
    );
    expect(api.agreements.map((a) => a.id)).toEqual([mlat.id]);
    await expect.poll(() => page.locator('[data-testid="table"] tbody tr[data-agreement]').count()).toBe(1);
    expect(await page.locator(`tr[data-agreement="${mlat.id}"] .cell-status`).textContent()).toBe('In force');
    await page.reload();
    await page.getByTestId('table').waitFor();
    await expect.poll(() => page.locator('[data-testid="table"] tbody tr[data-agreement]').count()).toBe(1);
    expect(await page.getByTestId('filter-status').inputValue()).toBe('in-force');
  });

  it('"Suggest a correction" loads its form on click and sends it; the editor sees it as text', async () => {
    const page = await fresh('?country=AU');
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(before.some((n) => n.includes('SuggestForm'))).toBe(false);
    await page.getByTestId('country-panel').getByTestId('suggest-open').click();
    const dialog = page.getByTestId('suggest-dialog');
    await dialog.getByTestId('suggest-form').waitFor();
    const after = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(after.some((n) => n.includes('SuggestForm'))).toBe(true);
    expect(await axe(page)).toEqual([]);
    await dialog.locator('textarea[name="text"]').fill(SCRIPT_TEXT);
    await dialog.locator('input[name="source"]').fill('https://example.org/mou-2016');
    await dialog.locator('input[name="email"]').fill('reader@example.org');
    await dialog.getByTestId('suggest-send').click();
    await dialog.getByTestId('suggest-thanks').waitFor();
    // The e-mail address is never shown to readers.
    expect(await page.content()).not.toContain('reader@example.org</');

    const editor = await p.context.newPage();
    await editor.goto(`${server.url}/editor/`);
    await editor.getByTestId('login-email').fill(USER.email);
    await editor.getByTestId('login-password').fill(USER.password);
    await editor.getByRole('button', { name: 'Log in' }).click();
    await editor.getByTestId('tab-suggestions').click();
    const item = editor.getByTestId('suggestion').first();
    await item.waitFor();
    expect(await item.getByTestId('suggestion-text').textContent()).toBe(
      `${SCRIPT_TEXT}\n\nSource: https://example.org/mou-2016`,
    );
    expect(await item.locator('script').count()).toBe(0);
    expect(await editor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await item.textContent()).toContain('Australia');
    expect(await item.textContent()).toContain('reader@example.org');
    expect(await axe(editor)).toEqual([]);
    // Closed with a note, it leaves the open list and shows under "Done".
    await item.getByTestId('suggestion-note').fill('Checked: the date is right.');
    await item.getByTestId('suggestion-done').click();
    await editor.getByTestId('suggestions-empty').waitFor();
    await editor.getByTestId('suggestions-filter-done').check();
    await expect.poll(() => editor.getByTestId('suggestion').count()).toBe(1);
    expect(await editor.getByTestId('suggestion-note').inputValue()).toBe('Checked: the date is right.');
    await editor.close();
  });

  it('a table row suggestion names the record, and the editor opens it', async () => {
    const page = await fresh(`?view=table&status=in-force`);
    const row = page.locator(`tr[data-agreement="${mlat.id}"]`);
    await row.getByTestId('suggest-open').click();
    const dialog = page.getByTestId('suggest-dialog');
    await dialog.locator('textarea[name="text"]').fill('This MLAT was signed in 2008, please add the date.');
    await dialog.getByTestId('suggest-send').click();
    await dialog.getByTestId('suggest-thanks').waitFor();
    const stored = await server.running.store.listSuggestions(server.datasetId as never, 'open');
    expect(stored[0]).toMatchObject({ agreementId: mlat.id, country: 'AU' });

    const editor = await p.context.newPage();
    await editor.goto(`${server.url}/editor/`);
    await editor.getByTestId('tab-suggestions').click();
    await editor.getByTestId('suggestion-record').first().click();
    await editor.getByTestId('record-form').waitFor();
    await editor.close();
  });

  it('the Sources tab lists broken sources first and saves an archived copy with If-Match', async () => {
    const editor = await p.context.newPage();
    await editor.goto(`${server.url}/editor/`);
    await editor.getByTestId('tab-sources').click();
    const first = editor.getByTestId('source-row').first();
    await first.waitFor();
    expect(await first.getAttribute('data-broken')).toBe('true');
    expect(await first.getByTestId('source-status').textContent()).toBe('404');
    expect(await editor.getByTestId('sources-count').textContent()).toMatch(/, 1 broken$/);
    expect(await axe(editor)).toEqual([]);
    const fixed = 'https://web.archive.org/web/2018/http://cbi.nic.in/interpol/mlat/Australia.pdf';
    await first.getByTestId('archived-input').fill(fixed);
    await first.getByTestId('archived-save').click();
    await expect
      .poll(async () => (await server.running.store.getAgreement(mlat.id))?.sources[0]?.archivedUrl)
      .toBe(fixed);
    const now = await server.running.store.getAgreement(mlat.id);
    // The check's findings survive the edit.
    expect(now?.sources[0]).toMatchObject({ httpStatus: 404, lastChecked: '2026-11-30T10:00:00.000Z' });
    await editor.close();
  });

  it('a baked copy on another origin, built with ATLAS_SUGGEST_URL, posts its form to the live server (CORS)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-baked-suggest-'));
    const site = await startStaticServer(root);
    try {
      await bakeSite({ store: server.running.store, outDir: join(root, 'atlas'), suggestUrl: server.url });
      const page = p.page;
      await page.goto(`${site.url}/atlas/?country=AU`);
      await waitForMap(page);
      expect(new URL(page.url()).origin).not.toBe(new URL(server.url).origin);
      await page.getByTestId('country-panel').getByTestId('suggest-open').click();
      const dialog = page.getByTestId('suggest-dialog');
      await dialog.locator('textarea[name="text"]').fill('Sent from the baked copy of the map.');
      await dialog.getByTestId('suggest-send').click();
      await dialog.getByTestId('suggest-thanks').waitFor();
      const stored = await server.running.store.listSuggestions(server.datasetId as never, 'open');
      expect(stored[0]).toMatchObject({ text: 'Sent from the baked copy of the map.', country: 'AU' });
    } finally {
      await site.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
