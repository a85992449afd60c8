import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.ts';
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

// Accounts in the editor, in a real Chromium against a real server: an administrator changes a user's rights
// and disables them (their open editor is logged out), reads the audit log; a user changes their own password
// and ends their other sessions.

const ADMIN = { email: 'chief@example.org', password: 'the chief administrator passphrase' };
const ED = { email: 'colleague@example.org', password: 'a colleague passphrase' };
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('whoami').waitFor();
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG21AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}

describeBrowser('editor accounts', () => {
  let server: AtlasServer;
  let browser: Browser;
  let admin: GuardedPage;
  let ed: GuardedPage;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    await server.running.store.createUser(ADMIN.email, 'admin', await hashPassword(ADMIN.password));
    await server.running.store.createUser(ED.email, 'editor', await hashPassword(ED.password));
    [admin, ed] = await Promise.all([openPage(browser), openPage(browser)]);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await admin?.close();
    await ed?.close();
    await browser?.close();
    await server?.close();
  });

  it('a user changes their own password and ends their other sessions', async () => {
    const { page } = ed;
    await page.goto(`${server.url}/editor/`);
    await logIn(page, ED);
    // A second session of the same user, elsewhere.
    const other = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Other device' },
      body: JSON.stringify(ED),
    });
    const otherCookie = other.headers.get('set-cookie')!.split(';')[0]!;
    await page.getByTestId('tab-account').click();
    const table = page.getByTestId('session-table');
    await expect.poll(() => table.textContent()).toContain('Other device');
    expect(await table.textContent()).toContain('this session');
    expect(await axe(page)).toEqual([]);
    const form = page.getByTestId('password-form');
    await form.locator('input[name="current"]').fill('not my password at all');
    await form.locator('input[name="password"]').fill('my brand new passphrase');
    await form.getByRole('button').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not your current password');
    await form.locator('input[name="current"]').fill(ED.password);
    await form.locator('input[name="password"]').fill('my brand new passphrase');
    await form.getByRole('button').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('password was changed');
    await expect.poll(() => table.textContent()).not.toContain('Other device');
    const gone = await fetch(`${server.url}/api/v1/session`, { headers: { cookie: otherCookie } });
    expect(((await gone.json()) as { user: unknown }).user).toBeNull();
    ED.password = 'my brand new passphrase';
  });

  it('an administrator limits a user to no dataset, then disables them: their open editor is logged out', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/editor/`);
    await logIn(page, ADMIN);
    await page.getByTestId('tab-users').click();
    const row = page.getByTestId(`user-${ED.email}`);
    await expect.poll(() => row.textContent()).toContain('All datasets');
    await row.getByRole('button', { name: 'Change' }).click();
    const editor = page.getByTestId('user-editor');
    await editor.getByTestId('user-all-datasets').uncheck();
    await editor.getByTestId('user-publish').check();
    await editor.getByTestId('user-save').click();
    await expect.poll(() => row.textContent()).toContain('✓');
    expect(await server.running.store.findUser(ED.email)).toMatchObject({ datasets: [], canPublish: true });
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('user-toggle').click();
    await expect.poll(() => row.textContent()).toContain('Disabled');
    // The colleague's editor: the next request finds the session gone and shows the login.
    await ed.page.getByTestId('tab-records').click();
    await ed.page.reload();
    await ed.page.getByTestId('login-email').waitFor();
  });

  it('the audit log shows logins, account changes and password changes to administrators', async () => {
    const { page } = admin;
    await page.getByTestId('tab-audit').click();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('user-changed');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('password-changed');
    expect(text).toContain('login');
    expect(text).toContain(ED.email);
    expect(text).not.toContain('my brand new passphrase');
    expect(await axe(page)).toEqual([]);
    // Editors have no Users or Audit tab.
    expect(await ed.page.getByTestId('tab-audit').count()).toBe(0);
  });
});
