import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serializeXlsx } from '../../src/formats/index.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { tempDir } from '../fixtures/index.ts';
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
import { describeProblems } from './mapPage.ts';

// The researchers' editor in a real Chromium against a real server: log in, find and edit a record (the public
// API shows it at once), see its history and undo, add a record by country name, meet someone else's change,
// import a workbook after seeing what it would change, and a file with errors that changes nothing.

const USER = { email: 'researcher@example.org', password: 'a long research passphrase' };
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG21AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}

describeBrowser('editor', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;

  const doc = () => server.api<DocumentAnswer>(`/datasets/${server.datasetId}/document`);
  /** The records as stored (a change made straight in the store reaches the public snapshot within a second). */
  const stored = () => server.running.store.listAgreements(server.datasetId as never);
  const open = async (page: Page, search: string, nth = 0): Promise<void> => {
    await page.getByTestId('record-search').fill(search);
    await page.locator('[data-record]').nth(nth).click();
    await page.getByTestId('record-form').waitFor();
  };

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    await server.running.store.createUser(USER.email, 'editor', await hashPassword(USER.password), {
      canPublish: true,
    });
    p = await openPage(browser);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('logs in (a wrong password says so) and lists every record; no axe violation', async () => {
    const { page } = p;
    await page.goto(`${server.url}/editor/`);
    await logIn(page, { ...USER, password: 'wrong password here' });
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('wrong e-mail or password');
    expect(await axe(page)).toEqual([]);
    await logIn(page, USER);
    await page.getByTestId('record-table').waitFor();
    expect(await page.getByTestId('record-count').textContent()).toBe('103 records');
    expect(await page.getByTestId('whoami').textContent()).toContain(USER.email);
    // The session survives a reload (HttpOnly cookie; the page asks who is logged in).
    await page.reload();
    await page.getByTestId('record-table').waitFor();
    await open(page, 'Australia');
    expect(await axe(page)).toEqual([]);
  });

  it('edits a record: the public API shows it at once; the history undoes it', async () => {
    const { page } = p;
    const before = (await doc()).agreements.find(
      (a) => a.partners[0] === 'SG' && a.summary.includes('co-operation'),
    )!;
    await open(page, 'Singapore co-operation');
    await page.getByTestId('field-summary').fill('Edited in the browser');
    await page.getByTestId('field-date').fill('14 Jan 2016');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('form-notice').textContent()).toContain('Saved');
    // Read through the public API: the editor's change is there at once.
    const after = (await doc()).agreements.find((a) => a.id === before.id)!;
    expect(after).toMatchObject({
      summary: 'Edited in the browser',
      date: { year: 2016, month: 1, day: 14 },
    });
    expect(after.version).toBe(before.version + 1);
    const history = page.getByTestId('history');
    await expect.poll(() => history.locator('li').first().textContent()).toContain(USER.email);
    await history.getByRole('button', { name: 'Undo this change' }).first().click();
    await expect.poll(() => page.getByTestId('form-notice').textContent()).toContain('Undone');
    expect((await doc()).agreements.find((a) => a.id === before.id)?.summary).toBe(before.summary);
  });

  it('bad fields are named next to the form and nothing is saved', async () => {
    const { page } = p;
    await open(page, 'France');
    await page.getByTestId('field-partners').fill('Atlantis');
    await page.getByTestId('field-sources').fill('javascript:alert(1)');
    await page.getByTestId('save').click();
    const problems = page.getByTestId('form-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/Partner countries.*Atlantis/);
    expect(await problems.textContent()).toMatch(/Sources/);
    expect((await doc()).agreements.some((a) => a.summary === 'javascript:alert(1)')).toBe(false);
  });

  it('adds a record by country name; a change made meanwhile by someone else is reported, not overwritten', async () => {
    const { page } = p;
    await page.getByTestId('new-record').click();
    await page.getByTestId('field-category').selectOption('mou');
    await page.getByTestId('field-partners').fill('Burma');
    await page.getByTestId('field-date').fill('Aug 2019');
    await page.getByTestId('field-sources').fill('https://example.org/mm-mou');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('form-notice').textContent()).toContain('Added');
    expect(await page.getByTestId('record-count').textContent()).toContain('104');
    const added = (await doc()).agreements.find((a) => a.sources[0]?.url === 'https://example.org/mm-mou');
    expect(added).toMatchObject({ partners: ['MM'], date: { year: 2019, month: 8 } });

    // Someone else saves the record while it is open here.
    await page.getByTestId('field-summary').fill('My version');
    await server.running.store.updateAgreement(
      added!.id,
      added!.version,
      { summary: 'Their version' },
      {
        actor: 'someone@else.org',
        reason: 'test',
      },
    );
    await page.getByTestId('save').click();
    // The merge view shows theirs beside mine; going back keeps my draft, and nothing was overwritten.
    const summary = page.getByTestId('merge-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Keep theirs\s*Their version.*Keep yours\s*My version/);
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('merge-cancel').click();
    expect(await page.getByTestId('field-summary').inputValue()).toBe('My version');
    expect((await stored()).find((a) => a.id === added!.id)?.summary).toBe('Their version');
  });

  it('imports a workbook after showing what would change; a file with errors changes nothing', async () => {
    const { page } = p;
    await page.getByTestId('tab-import').click();
    const store = server.running.store;
    const [dataset, agreements, notes] = await Promise.all([
      store.getDataset(server.datasetId as never),
      stored(),
      store.listNotes(server.datasetId as never),
    ]);
    const edited = agreements.map((a, k) => (k === 0 ? { ...a, summary: 'Changed by the workbook' } : a));
    const xlsx = join(tempDir(), 'atlas.xlsx');
    writeFileSync(xlsx, await serializeXlsx(dataset!, edited, notes));
    await page.getByTestId('import-file').setInputFiles(xlsx);
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('0 added, 1 changed, 0 removed, 103 unchanged');
    expect((await doc()).agreements[0]?.summary).not.toBe('Changed by the workbook');
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('Imported:');
    expect((await doc()).agreements.some((a) => a.summary === 'Changed by the workbook')).toBe(true);

    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(
      bad,
      'kind,category,partners,summary,source_urls\nagreement,mou,Atlantis,x,https://example.org/x\n',
    );
    await page.getByTestId('import-file').setInputFiles(bad);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/line 2, column "partners"/);
    expect(await page.getByTestId('import-apply').count()).toBe(0);
    expect((await doc()).agreements).toHaveLength(104);
    expect(await axe(page)).toEqual([]);
  });

  it('adds and edits a research note; the country shows it on the public API', async () => {
    const { page } = p;
    await page.getByTestId('tab-notes').click();
    await page.getByTestId('new-note').click();
    await page.getByTestId('note-country').fill('Kenya');
    await page.getByTestId('note-text').fill('An MoU on ICT; no cyber security clause found');
    await page.getByTestId('note-save').click();
    await expect.poll(() => page.getByTestId('note-notice').textContent()).toContain('Added');
    const notes = async () =>
      (await server.api<{ notes: Array<{ text: string }> }>(`/datasets/${server.datasetId}/countries/KE`))
        .notes;
    expect((await notes()).map((n) => n.text)).toEqual(['An MoU on ICT; no cyber security clause found']);
    await page.getByTestId('note-text').fill('Checked again in 2026: no clause');
    await page.getByTestId('note-save').click();
    await expect.poll(() => page.getByTestId('note-notice').textContent()).toContain('Saved');
    expect((await notes()).map((n) => n.text)).toEqual(['Checked again in 2026: no clause']);
    expect(await axe(page)).toEqual([]);
  });

  it('recent changes list every change with who made it', async () => {
    const { page } = p;
    await page.getByTestId('tab-changes').click();
    const table = page.getByTestId('changes').locator('tbody tr');
    await table.first().waitFor();
    expect(await table.first().textContent()).toContain(USER.email);
    expect(await table.first().textContent()).toContain('research note on Kenya');
    expect(await axe(page)).toEqual([]);
  });

  it('the Publish tab records a version with a note and lists it; no static copy on this server', async () => {
    const { page } = p;
    await page.getByTestId('tab-publish').click();
    const panel = page.getByTestId('publish');
    await expect.poll(() => panel.textContent()).toContain('ATLAS_PUBLISH_DIR');
    await page.getByTestId('publish-note').fill('From the editor <b>test</b>');
    await page.getByTestId('publish-button').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent())
      .toContain('published version 1');
    const list = page.getByTestId(`versions-${server.datasetId}`);
    await expect.poll(() => list.textContent()).toContain('From the editor <b>test</b>');
    expect(await list.textContent()).toMatch(/Version 1 · .*: \d+ added, 0 changed, 0 removed/);
    expect(await axe(page)).toEqual([]);
  });

  it('an administrator adds a user, who can then log in; editors have no Users tab', async () => {
    expect(await p.page.getByTestId('tab-users').count()).toBe(0);
    const admin = { email: 'admin@example.org', password: 'an administrator passphrase' };
    await server.running.store.createUser(admin.email, 'admin', await hashPassword(admin.password));
    const other = await openPage(browser);
    try {
      const { page } = other;
      await page.goto(`${server.url}/editor/`);
      await logIn(page, admin);
      await page.getByTestId('tab-users').click();
      const form = page.locator('form.ed-add-user');
      await form.locator('input[name="email"]').fill('new.colleague@example.org');
      await form.locator('input[name="password"]').fill('a fresh long passphrase');
      await form.getByRole('button', { name: 'Add a user' }).click();
      await expect
        .poll(() => page.getByTestId('user-table').textContent())
        .toContain('new.colleague@example.org');
      expect(await axe(page)).toEqual([]);
      // What readers see: the title, shown by the public map at once.
      await page.getByTestId('tab-dataset').click();
      await page.getByTestId('dataset-title').fill('India’s cyber-security agreements');
      await page.getByTestId('dataset-save').click();
      await expect.poll(() => page.getByTestId('dataset-notice').textContent()).toContain('Saved');
      expect(await (await fetch(`${server.url}/`)).text()).toContain(
        '<title>India’s cyber-security agreements',
      );
      expect(await axe(page)).toEqual([]);
      // The map's boundaries and "data as of" are dataset settings too: one choice away from de facto.
      expect(await page.getByTestId('dataset-boundaries').inputValue()).toBe('IN');
      await page.getByTestId('dataset-boundaries').selectOption('de-facto');
      await page.getByTestId('dataset-dataAsOf').fill('2017-03');
      await page.getByTestId('dataset-save').click();
      await expect.poll(() => page.getByTestId('dataset-notice').textContent()).toContain('Saved');
      const html = await (await fetch(`${server.url}/`)).text();
      expect(html).toContain('data-boundaries="de-facto"');
      expect(html).toContain('Data as of <time datetime="2017-03">March 2017</time>');
      await page.getByTestId('dataset-boundaries').selectOption('IN');
      await page.getByTestId('dataset-dataAsOf').fill('');
      await page.getByTestId('dataset-save').click();
      await expect
        .poll(async () => (await (await fetch(`${server.url}/`)).text()).includes('data-boundaries="IN"'))
        .toBe(true);
    } finally {
      await other.close();
    }
    const login = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'new.colleague@example.org', password: 'a fresh long passphrase' }),
    });
    expect(login.status).toBe(200);
  });

  it('when the session ends (expired, or cookies cleared) the editor asks to log in again', async () => {
    const { page, context } = p;
    await context.clearCookies();
    await page.getByTestId('tab-changes').click();
    await page.getByTestId('login-form').waitFor();
    await logIn(page, USER);
    await page.getByTestId('record-table').waitFor();
  });

  it('logs out; made no request outside 127.0.0.1 and logged no error', async () => {
    const { page } = p;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    // Chromium logs every 4xx answer to fetch as a console error; the refusals these tests provoke are expected.
    const provoked = /Failed to load resource: the server responded with a status of (400|401|409|422)\b/;
    const errors = p.problems.errors.filter((e) => !provoked.test(e));
    expect(describeProblems(p.guard.blocked, errors)).toBe('');
  });
});
