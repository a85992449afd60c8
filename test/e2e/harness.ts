import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { bakeSite, ensureEditorBuild, ensureWebBuild, PACKAGE_ROOT } from '../../src/bake/index.ts';
import type { Agreement, CountryNote, DatasetDocument } from '../../src/core/schemas.ts';
import type { Stats } from '../../src/core/stats.ts';
import { ensureSeeded, type RunningServer, startServer } from '../../src/server/index.ts';
import { openStore } from '../../src/store/index.ts';
import {
  CHROME_PATH,
  chromiumAvailable,
  guardRequests,
  INSTALL_HINT,
  type PageProblems,
  type RequestGuard,
  watchProblems,
} from './browser.ts';

// What every browser suite needs: the page built, a real server on a fresh SQLite file (seeded from the
// shipped dataset on first start, as `npm start` does), a real Chromium, and a guard that fails the test when
// the page reaches for anything outside this machine.

export * from './browser.ts';
export { type StaticServer, startStaticServer } from './staticServer.ts';

/** Declares a browser suite; without Chromium it fails on CI and is skipped (loudly) elsewhere. */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROME_PATH} is missing; ${INSTALL_HINT}`);
      });
    });
    return;
  }
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPED browser suite "${name}": no Chromium at ${CHROME_PATH}.\n!! ${INSTALL_HINT} (or set CHROME_PATH)\n${'!'.repeat(78)}\n`,
  );
  describe.skip(name, body);
}

/** For a suite's beforeAll: a first run builds the page (Vite) and may wait for another file's build. */
export const BUILD_TIMEOUT = 300_000;

const LOCK = join(PACKAGE_ROOT, '.tmp', 'e2e-web-build.lock');
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Builds dist/web when it is not current. Test files run in parallel processes; a lock folder makes one of
 * them build while the others wait, since two Vite builds into the same folder would empty it under each other.
 */
export async function ensureBuilt(): Promise<void> {
  mkdirSync(join(PACKAGE_ROOT, '.tmp'), { recursive: true });
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released between the two calls
      }
      if (age > STALE_LOCK_MS || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await ensureWebBuild();
    await ensureEditorBuild();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export type AtlasServer = {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  datasetId: string;
  running: RunningServer;
  /** GET a read-API path (under /api/v1) as JSON. */
  api<T>(path: string): Promise<T>;
  close(): Promise<void>;
};

export async function startAtlas(): Promise<AtlasServer> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const running = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    databaseUrl: `sqlite:${join(dir, 'atlas.db')}`,
  });
  const datasets = await running.store.listDatasets();
  const first = datasets[0];
  if (first === undefined) throw new Error('the server did not seed the shipped dataset');
  const url = running.url.replace(/\/$/, '');
  return {
    url,
    datasetId: first.id,
    running,
    api: async <T>(path: string): Promise<T> => {
      const res = await fetch(`${url}/api/v1${path}`);
      if (!res.ok) throw new Error(`GET /api/v1${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    close: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type AgreementsAnswer = { agreements: Agreement[]; total: number; stats: Stats };
export type CountryAnswer = {
  country: { iso2: string; name: string; region: string | null };
  agreements: Record<string, Agreement[]>;
  notes: CountryNote[];
  stats: Stats;
};
export type DocumentAnswer = DatasetDocument;

export type GuardedPage = {
  context: BrowserContext;
  page: Page;
  guard: RequestGuard;
  problems: PageProblems;
  close(): Promise<void>;
};

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/**
 * tsx (esbuild keepNames) wraps named functions as `__name(fn, "name")`, also inside functions passed to
 * page.evaluate, where `__name` does not exist. Vitest does not, but the benchmarks run under tsx.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** A fresh context and page with the outside-request guard and problem watcher installed. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = DESKTOP,
): Promise<GuardedPage> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const guard = await guardRequests(context);
  await context.addInitScript(NAME_SHIM);
  const page = await context.newPage();
  const problems = watchProblems(page);
  return { context, page, guard, problems, close: () => context.close() };
}

/** Folder for screenshots people look at (git-ignored). */
export function shotsDir(): string {
  const dir = join(PACKAGE_ROOT, 'shots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Bakes the shipped dataset as `atlas bake` does (a fresh SQLite file seeded like a first `npm start`) into
 * `outDir`, which must not exist or be an earlier bake. Returns the default dataset's id.
 */
export async function bakeShippedSite(outDir: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bake-'));
  const store = await openStore(`sqlite:${join(dir, 'atlas.db')}`);
  try {
    const { datasetId } = await ensureSeeded(store);
    await bakeSite({ store, outDir });
    return datasetId;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
