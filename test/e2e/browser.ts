import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

// Debian's Chromium driven by playwright-core (no browser download). Shared by the e2e tests and the web
// benchmarks, so both see the same browser with the same flags.

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROME_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT = 'install chromium: apt-get install -y chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROME_PATH);
}

export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`${CHROME_PATH} is missing; ${INSTALL_HINT}`);
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROME_ARGS, ...extraArgs],
  });
}

/** True for URLs that stay on this machine (or in the page itself: data:, blob:, about:). */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1';
}

export type RequestGuard = {
  /** URLs the page tried to reach outside 127.0.0.1 (all of them were aborted). */
  blocked: string[];
};

/**
 * Lets requests to 127.0.0.1 through and aborts every other one, remembering it: the page must need no CDN,
 * web font or map tile. Installed on the context, so pop-ups and iframes are covered too.
 */
export async function guardRequests(target: BrowserContext | Page): Promise<RequestGuard> {
  const guard: RequestGuard = { blocked: [] };
  await target.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) await route.continue();
    else {
      guard.blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return guard;
}

export type PageProblems = { errors: string[] };

/** Console errors and uncaught exceptions of a page, collected as they happen. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.errors.push(`uncaught: ${err.message}`));
  return problems;
}
