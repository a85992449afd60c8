import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agreement } from '../../src/core/schemas.ts';
import { serializeCsv } from '../../src/formats/index.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { tempDir } from '../fixtures/index.ts';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  shotsDir,
  startAtlas,
} from './harness.ts';
import { describeProblems } from './mapPage.ts';

// The editor's import preview in a real Chromium against a real server: the table names records as a researcher
// reads them (country, category, field, before → after; added and removed records), and an "Import it" whose
// preview went stale (someone edited meanwhile) is refused, shows the new preview and says why.

const USER = { email: 'importer@example.org', password: 'a long importing passphrase' };

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}

describeBrowser('editor import preview', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;
  const stored = () => server.running.store.listAgreements(server.datasetId as never);
  const mou = async (partner: string): Promise<Agreement> =>
    (await stored()).find((a) => a.category === 'mou' && a.partners.includes(partner as never))!;
  const rows = (page: Page) =>
    page
      .getByTestId('import-preview')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    await server.running.store.createUser(USER.email, 'editor', await hashPassword(USER.password));
    p = await openPage(browser);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the preview as a table of named records; a stale "Import it" is refused with the new preview', async () => {
    const { page } = p;
    await page.goto(`${server.url}/editor/`);
    await page.getByTestId('login-email').fill(USER.email);
    await page.getByTestId('login-password').fill(USER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('record-table').waitFor();
    await page.getByTestId('tab-import').click();

    // The team's sheet: Germany's MoU dated a month later, Finland's MoU gone, a new MoU with the Netherlands.
    const store = server.running.store;
    const dataset = (await store.getDataset(server.datasetId as never))!;
    const all = await stored();
    const de = await mou('DE');
    const fi = await mou('FI');
    const sheet = all
      .filter((a) => a.id !== fi.id)
      .map((a) =>
        a.id === de.id ? { ...a, date: { text: 'Nov 2015', year: 2015, month: 11, day: null } } : a,
      );
    const nl = {
      ...de,
      id: undefined,
      partners: ['NL' as never],
      date: { text: 'Aug 2016', year: 2016, month: 8, day: null },
    };
    nl.sources = [{ ...de.sources[0]!, url: 'https://nl.example/mou' }];
    const csv = join(tempDir(), 'team-sheet.csv');
    const text = serializeCsv(dataset, [...sheet, nl], await store.listNotes(server.datasetId as never));
    writeFileSync(csv, text);
    const nlLine = text.split(/\r?\n/).findIndex((l) => l.includes('https://nl.example/mou')) + 1;

    await page.getByTestId('import-file').setInputFiles(csv);
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('1 added, 1 changed, 1 removed, 101 unchanged');
    expect(await rows(page)).toEqual([
      ['Changed', 'Germany', 'MoUs', 'Date', 'Oct 2015', 'Nov 2015'],
      ['Added', 'Netherlands', 'MoUs', 'whole record', '—', `Aug 2016 (line ${nlLine})`],
      ['Removed', 'Finland', 'MoUs', 'whole record', 'Dec 2014', '—'],
    ]);
    await page.screenshot({ path: join(shotsDir(), 'editor-import-preview.png'), fullPage: true });
    // A researcher reads it without ids.
    expect(await page.getByTestId('import-preview').textContent()).not.toContain(de.id);
    expect(await axe(page)).toEqual([]);

    // Someone else titles Singapore's MoU meanwhile; the sheet still has the old title.
    const sg = await mou('SG');
    await store.updateAgreement(
      sg.id,
      sg.version,
      { title: 'Cyber MoU with Singapore' },
      { actor: 'colleague', reason: '' },
    );
    await page.getByTestId('import-reason').fill('Dates from the MEA treaty list');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-stale').waitFor();
    expect(await page.getByTestId('import-stale').textContent()).toContain('changed since this preview');
    await page.screenshot({ path: join(shotsDir(), 'editor-import-stale.png'), fullPage: true });
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('1 added, 2 changed, 1 removed, 100 unchanged');
    expect(await rows(page)).toContainEqual([
      'Changed',
      'Singapore',
      'MoUs',
      'Title',
      'Cyber MoU with Singapore',
      sg.title || '(empty)',
    ]);
    // Nothing was written.
    expect((await mou('DE')).date.text).toBe('Oct 2015');
    expect((await mou('SG')).title).toBe('Cyber MoU with Singapore');

    // The new preview, approved: applied, with the reason in the history.
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('Imported:');
    expect((await mou('DE')).date.text).toBe('Nov 2015');
    expect((await store.listRevisions(de.id))[0]?.reason).toBe('Dates from the MEA treaty list');
  });

  it('made no request outside 127.0.0.1 and logged no error but the refusal it provoked', async () => {
    const provoked = /Failed to load resource: the server responded with a status of 409\b/;
    expect(
      describeProblems(
        p.guard.blocked,
        p.problems.errors.filter((e) => !provoked.test(e)),
      ),
    ).toBe('');
  });
});
