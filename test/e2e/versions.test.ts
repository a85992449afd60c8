import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishVersion } from '../../src/bake/index.ts';
import type { Agreement } from '../../src/core/schemas.ts';
import { validateAtom } from '../fixtures/atom/validateAtom.ts';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  type DocumentAnswer,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  startAtlas,
} from './harness.ts';
import { partnersOnMap, waitForMap } from './mapPage.ts';

// Citable versions in a real Chromium against a real server: version 1 is published, then a country's only
// agreement is removed and another re-dated, and version 2 published. /v/1/ still shows version 1's data (the
// country present, the old date), names itself and links to the latest; the live page says "Version 2"; the
// citation's BibTeX and RIS downloads name the version and its frozen URL; the change log and feed read right.

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFile(await file.path(), 'utf8');
}

describeBrowser('citable versions', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;
  let gone: Agreement;
  let redated: Agreement;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    const store = server.running.store;
    await publishVersion({ store, by: 'e2e', note: 'The first public version' });
    const doc = await server.api<DocumentAnswer>(`/datasets/${server.datasetId}/document`);
    // A partner with a single agreement disappears from the map when it is removed.
    const byPartner = new Map<string, Agreement[]>();
    for (const a of doc.agreements)
      for (const c of a.partners) byPartner.set(c, [...(byPartner.get(c) ?? []), a]);
    gone = [...byPartner.values()].find((list) => list.length === 1 && list[0]!.partners.length === 1)![0]!;
    redated = doc.agreements.find(
      (a) => a.id !== gone.id && a.date.year !== null && !a.partners.includes(gone.partners[0]!),
    )!;
    await store.deleteAgreement(gone.id, gone.version, { actor: 'e2e', reason: 'versions test' });
    await store.updateAgreement(
      redated.id,
      redated.version,
      { date: { text: '1999-01-02', year: 1999, month: 1, day: 2 } },
      { actor: 'e2e', reason: 'versions test' },
    );
    await publishVersion({ store, by: 'e2e', note: 'Second <version>' });
    // The server re-reads a dataset changed by another process (here: straight in the store) within a second.
    const deadline = Date.now() + 10_000;
    while ((await server.api<{ total: number }>(`/datasets/${server.datasetId}/agreements`)).total !== 102) {
      if (Date.now() > deadline) throw new Error('the server never showed the removed agreement');
      await new Promise((r) => setTimeout(r, 200));
    }
    p = await openPage(browser);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('the live page shows version 2: the removed country is gone; the header names the version', async () => {
    const { page } = p;
    await page.goto(`${server.url}/`);
    await waitForMap(page);
    expect(await partnersOnMap(page)).not.toContain(gone.partners[0]);
    const line = page.getByTestId('version-line');
    expect(await line.textContent()).toMatch(/^Version 2 · published \w+/);
    expect(await line.getByRole('link', { name: 'What changed' }).getAttribute('href')).toBe(
      `${server.url}/changes/`,
    );
    expect(p.problems.errors).toEqual([]);
  });

  it('/v/1/ still shows version 1 after the edit and version 2: the country, the old date, its own number', async () => {
    const other = await openPage(browser);
    try {
      const { page } = other;
      await page.goto(`${server.url}/v/1/`);
      await waitForMap(page);
      expect(await partnersOnMap(page)).toContain(gone.partners[0]);
      expect(await page.getByTestId('version-line').textContent()).toMatch(/^Version 1 · published/);
      await page.getByTestId('latest-version').click();
      await page.waitForURL(`${server.url}/`);
      const data = await page.evaluate(async () => {
        const res = await fetch('/api/v1/datasets/cis-india-cyber/versions/1/document');
        return (await res.json()) as { agreements: Array<{ id: string; date: { year: number | null } }> };
      });
      expect(data.agreements.find((a) => a.id === redated.id)?.date.year).toBe(redated.date.year);
      expect(data.agreements.some((a) => a.id === gone.id)).toBe(true);
      expect(other.problems.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('the citation names version 2, its date and its frozen URL, as text, BibTeX and RIS', async () => {
    const { page } = p;
    await page.goto(`${server.url}/`);
    await waitForMap(page);
    await page.getByTestId('open-cite').click();
    const text = await page.getByTestId('cite-dialog-text').textContent();
    expect(text).toContain(`Version 2 (published`);
    expect(text).toContain(`${server.url}/v/2/`);
    const bib = await download(page, 'cite-dialog-text-bibtex');
    expect(bib).toContain('version = {2}');
    expect(bib).toContain(`url = {${server.url}/v/2/}`);
    const ris = await download(page, 'cite-dialog-text-ris');
    expect(ris).toContain('ET  - Version 2');
    expect(ris).toContain(`UR  - ${server.url}/v/2/`);
    expect(p.problems.errors).toEqual([]);
  });

  it('the change log lists both versions under the strict CSP; the feed is valid Atom', async () => {
    const { page } = p;
    await page.goto(`${server.url}/changes/`);
    const v2 = page.locator('#v2');
    expect(await v2.textContent()).toContain('Second <version>');
    expect(await v2.textContent()).toContain('Removed (1)');
    expect(await v2.textContent()).toContain('1999-01-02');
    expect(await page.locator('#v1').textContent()).toContain('Added (103)');
    await page.locator('#v1 h2 a').click();
    await page.waitForURL(`${server.url}/v/1/`);
    expect(p.problems.errors).toEqual([]);
    const feed = await (await fetch(`${server.url}/changes.atom`)).text();
    expect(validateAtom(feed)).toEqual([]);
  });
});
