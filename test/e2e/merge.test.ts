import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AgreementId } from '../../src/core/ids.ts';
import type { Agreement } from '../../src/core/schemas.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import {
  type AtlasServer,
  BUILD_TIMEOUT,
  type DocumentAnswer,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  shotsDir,
  startAtlas,
} from './harness.ts';
import { describeProblems } from './mapPage.ts';

// Nothing a researcher types is lost: two editors in two browsers save the same record, and the second sees the
// first's change beside their own, field by field, and chooses; undo in the history undoes one older change and
// keeps a later one, and asks before overwriting a field that was changed again since.

const A = { email: 'first.editor@example.org', password: 'the first editor passphrase' };
const B = { email: 'second.editor@example.org', password: 'the second editor passphrase' };
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('record-table').waitFor();
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG21AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}

/** Opens the record whose first source URL is `url` (the search also reads source URLs). */
async function open(page: Page, a: Agreement): Promise<void> {
  await page.getByTestId('record-search').fill(a.sources[0]!.url);
  await page.locator(`[data-record="${a.id}"]`).click();
  await page.getByTestId('record-form').waitFor();
}

describeBrowser('merge view and undo', () => {
  let server: AtlasServer;
  let browser: Browser;
  let pa: GuardedPage;
  let pb: GuardedPage;
  /** Records with a unique first source URL, and a date that none of the tests writes. */
  let records: Agreement[];

  const stored = async (id: string): Promise<Agreement> =>
    (await server.running.store.getAgreement(id as AgreementId))!;

  /**
   * Reads the page again once the dataset document shows `version` of the record (a change made straight in the
   * store reaches the public snapshot the editor reads within a second), and opens the record.
   */
  const reopen = async (page: Page, record: Agreement, version: number): Promise<void> => {
    const doc = () => server.api<DocumentAnswer>(`/datasets/${server.datasetId}/document`);
    await expect
      .poll(async () => (await doc()).agreements.find((x) => x.id === record.id)?.version)
      .toBe(version);
    await page.reload();
    await page.getByTestId('record-table').waitFor();
    await open(page, record);
  };

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    const store = server.running.store;
    await store.createUser(A.email, 'editor', await hashPassword(A.password));
    await store.createUser(B.email, 'editor', await hashPassword(B.password));
    const all = await store.listAgreements(server.datasetId as never);
    const urls = new Map<string, number>();
    for (const a of all) for (const s of a.sources) urls.set(s.url, (urls.get(s.url) ?? 0) + 1);
    records = all.filter(
      (a) =>
        a.sources.length > 0 &&
        urls.get(a.sources[0]!.url) === 1 &&
        a.date.year !== null &&
        a.date.year < 2016 &&
        a.title === '',
    );
    expect(records.length).toBeGreaterThanOrEqual(3);
    [pa, pb] = await Promise.all([openPage(browser), openPage(browser)]);
    await pa.page.goto(`${server.url}/editor/`);
    await pb.page.goto(`${server.url}/editor/`);
    await logIn(pa.page, A);
    await logIn(pb.page, B);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await pa?.close();
    await pb?.close();
    await browser?.close();
    await server?.close();
  });

  it("two editors save the same record: the merge view shows the date theirs vs yours; B keeps A's date and B's title", async () => {
    const record = records[0]!;
    const a = pa.page;
    const b = pb.page;
    await open(a, record);
    await open(b, record);

    await a.getByTestId('field-date').fill('Mar 2016');
    await a.getByTestId('save').click();
    await expect.poll(() => a.getByTestId('form-notice').textContent()).toContain('Saved');

    await b.getByTestId('field-title').fill('Title typed by B');
    await b.getByTestId('field-date').fill('Jan 2017');
    await b.getByTestId('field-reason').fill('Title from the treaty text — 条約');
    await b.getByTestId('save').click();
    const merge = b.getByTestId('merge-view');
    await merge.waitFor();
    // Focus moves to the merge view's heading; nothing was saved over A's change.
    expect(await b.evaluate(() => document.activeElement?.id)).toBe('ed-merge-title');
    await expect.poll(() => b.getByTestId('merge-hint').textContent()).toContain(`by ${A.email}`);
    expect(await stored(record.id)).toMatchObject({ title: '', date: { text: 'Mar 2016' } });
    const date = b.getByTestId('merge-date');
    expect(await date.locator('legend').textContent()).toBe('Date');
    expect(await date.getByLabel('Keep theirs').inputValue()).toBe('theirs');
    expect(await date.textContent()).toMatch(/Keep theirs\s*Mar 2016.*Keep yours\s*Jan 2017/);
    expect(await b.getByTestId('merge-yours-only').textContent()).toContain('Title typed by B');
    expect(await b.getByTestId('merge-theirs-only').count()).toBe(0);
    expect(await axe(b)).toEqual([]);
    await b.getByTestId('record-form').screenshot({ path: join(shotsDir(), 'editor-merge.png') });

    // Back to the draft keeps every keystroke; saving again brings the merge view back.
    await b.getByTestId('merge-cancel').click();
    expect(await b.getByTestId('field-title').inputValue()).toBe('Title typed by B');
    expect(await b.getByTestId('field-date').inputValue()).toBe('Jan 2017');
    await b.getByTestId('save').click();
    await merge.waitFor();

    // Nothing is decided without a choice.
    await b.getByTestId('merge-save').click();
    expect(await b.getByTestId('merge-missing').textContent()).toContain('Date');
    expect((await stored(record.id)).version).toBe(record.version + 1);

    // On a phone the merge view fits the width and is still clean.
    await b.setViewportSize({ width: 375, height: 812 });
    await b.screenshot({ path: join(shotsDir(), 'editor-merge-phone.png'), fullPage: true });
    expect(await b.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axe(b)).toEqual([]);
    await b.setViewportSize({ width: 1280, height: 800 });

    await b.getByTestId('merge-date-theirs').check();
    await b.getByTestId('merge-save').click();
    await expect.poll(() => b.getByTestId('form-notice').textContent()).toContain('Saved');
    const after = await stored(record.id);
    expect(after).toMatchObject({
      title: 'Title typed by B',
      date: { text: 'Mar 2016', year: 2016, month: 3 },
      version: record.version + 2,
    });
    // B's reason is stored, and the history shows it with what changed.
    const [newest] = await server.running.store.listRevisions(record.id);
    expect(newest).toMatchObject({ actor: B.email, reason: 'Title from the treaty text — 条約' });
    const history = b.getByTestId('history');
    await expect.poll(() => history.locator('li').first().textContent()).toContain('条約');
    expect(await history.locator('li').first().locator('[data-field="title"]').textContent()).toContain(
      'Title typed by B',
    );
  });

  it('undo of an older change keeps a later edit; a field changed again later asks first, then forces', async () => {
    const record = records[1]!;
    const store = server.running.store;
    const page = pa.page;
    await store.updateAgreement(
      record.id,
      record.version,
      { date: { text: '2012', year: 2012, month: null, day: null } },
      { actor: 'dates@example.org', reason: 'Year per the MEA list' },
    );
    await store.updateAgreement(
      record.id,
      record.version + 1,
      { title: 'A later title' },
      { actor: 'titles@example.org', reason: 'title' },
    );
    const [, dateRev] = await store.listRevisions(record.id);
    await reopen(page, record, record.version + 2);
    const item = page.locator(`[data-revision="${dateRev!.id}"]`);
    await expect.poll(() => item.textContent()).toContain('Year per the MEA list');
    const shown = await item.locator('[data-field="date"]').textContent();
    expect(shown).toContain(record.date.text || String(record.date.year));
    expect(shown).toContain('2012');
    await page.getByTestId(`undo-${dateRev!.id}`).click();
    await expect.poll(() => page.getByTestId('form-notice').textContent()).toContain('Undone');
    expect(await stored(record.id)).toMatchObject({ date: record.date, title: 'A later title' });

    // The date changes twice more; undoing the first of them would overwrite the second.
    const now = await stored(record.id);
    await store.updateAgreement(
      record.id,
      now.version,
      { date: { text: '2013', year: 2013, month: null, day: null } },
      { actor: 'dates@example.org', reason: 'first guess' },
    );
    await store.updateAgreement(
      record.id,
      now.version + 1,
      { date: { text: '2014', year: 2014, month: null, day: null } },
      { actor: 'checker@example.org', reason: 'second source' },
    );
    const [, firstGuess] = await store.listRevisions(record.id);
    await reopen(page, record, now.version + 2);
    const dialogs: string[] = [];
    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId(`undo-${firstGuess!.id}`).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(
      /^The date was changed again later by checker@example\.org on .+\. Undo anyway\?$/,
    );
    expect((await stored(record.id)).date.year).toBe(2014);
    page.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.getByTestId(`undo-${firstGuess!.id}`).click();
    await expect.poll(() => page.getByTestId('form-notice').textContent()).toContain('Undone');
    expect(dialogs).toHaveLength(2);
    expect(await stored(record.id)).toMatchObject({ date: record.date, title: 'A later title' });
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('history').screenshot({ path: join(shotsDir(), 'editor-history.png') });
    // The dataset's recent changes name the fields each change touched.
    await page.getByTestId('tab-changes').click();
    const rows = page.getByTestId('changes').locator('tbody tr');
    await expect.poll(() => rows.first().textContent()).toContain('restored');
    expect(await rows.first().textContent()).toContain('(date)');
  });

  it("research notes merge alike: B keeps their own text over A's, with a reason", async () => {
    const store = server.running.store;
    const note = await store.createNote(
      server.datasetId as never,
      { country: 'CL' as never, text: 'Nothing found yet', sources: [] },
      { actor: 'system', reason: 'test' },
    );
    await expect
      .poll(
        async () => (await server.api<DocumentAnswer>(`/datasets/${server.datasetId}/document`)).notes.length,
      )
      .toBeGreaterThan(0);
    for (const page of [pa.page, pb.page]) {
      await page.reload();
      await page.getByTestId('tab-notes').click();
      await page.locator(`[data-note="${note.id}"]`).click();
      await page.getByTestId('note-form').waitFor();
    }
    await pa.page.getByTestId('note-text').fill('A: an MoU on ICT, no cyber clause');
    await pa.page.getByTestId('note-save').click();
    await expect.poll(() => pa.page.getByTestId('note-notice').textContent()).toContain('Saved');
    const b = pb.page;
    await b.getByTestId('note-text').fill('B: checked the 2019 MoU text');
    await b.getByTestId('field-reason').fill('Read the MoU');
    await b.getByTestId('note-save').click();
    const text = b.getByTestId('merge-text');
    await text.waitFor();
    expect(await text.locator('legend').textContent()).toBe('Note');
    expect(await text.textContent()).toMatch(/Keep theirs\s*A: an MoU.*Keep yours\s*B: checked/);
    await b.getByTestId('merge-text-yours').check();
    await b.getByTestId('merge-save').click();
    await expect.poll(() => b.getByTestId('note-notice').textContent()).toContain('Saved');
    expect(await store.getNote(note.id)).toMatchObject({ text: 'B: checked the 2019 MoU text', version: 3 });
    expect((await store.listRevisions(note.id))[0]).toMatchObject({ actor: B.email, reason: 'Read the MoU' });
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    // Chromium logs every 4xx answer to fetch as a console error; the 409s these tests provoke are expected.
    const provoked = /Failed to load resource: the server responded with a status of 409\b/;
    for (const p of [pa, pb]) {
      const errors = p.problems.errors.filter((e) => !provoked.test(e));
      expect(describeProblems(p.guard.blocked, errors)).toBe('');
    }
  });
});
