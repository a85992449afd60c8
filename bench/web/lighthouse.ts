import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_ARGS, CHROME_PATH, chromiumAvailable, INSTALL_HINT } from '../../test/e2e/browser.ts';

// Lighthouse 12.2.3 run programmatically against a page on this machine, in a Chromium started here with a
// DevTools port. Lighthouse's defaults (mobile emulation, simulated throttling) are kept: no tricks.
//
// The module is found as 'lighthouse', or at LIGHTHOUSE_MODULE (a path or specifier) when it is installed
// elsewhere; it is loaded through a variable so type-checking does not require it.

export type LighthouseScores = { performance: number; accessibility: number };

type Category = { score: number | null };
type RunnerResult = { lhr: { categories: Record<string, Category>; runtimeError?: { message: string } } };
type LighthouseFn = (
  url: string,
  flags: Record<string, unknown>,
  config?: unknown,
) => Promise<RunnerResult | undefined>;

async function loadLighthouse(): Promise<LighthouseFn> {
  const specifier = process.env.LIGHTHOUSE_MODULE ?? 'lighthouse';
  try {
    const mod = (await import(specifier)) as { default: LighthouseFn };
    return mod.default;
  } catch (e) {
    throw new Error(
      `Lighthouse could not be loaded from "${specifier}" (${e instanceof Error ? e.message : String(e)}); ` +
        'install it with "npm i -D -E lighthouse@12.2.3" or set LIGHTHOUSE_MODULE to its core/index.js',
    );
  }
}

function startChromium(profile: string): Promise<{ child: ChildProcess; port: number }> {
  if (!chromiumAvailable()) return Promise.reject(new Error(`${CHROME_PATH} is missing; ${INSTALL_HINT}`));
  const child = spawn(
    CHROME_PATH,
    [
      ...CHROME_ARGS,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    // Its own process group, so the zygote and renderer children go when it is stopped.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Chromium did not open its DevTools port within 30 s: ${err.slice(-500)}`));
    }, 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening its DevTools port: ${err.slice(-500)}`));
    });
  });
}

/** Performance and accessibility scores (0–100) of the page at `url`. */
export async function runLighthouse(url: string): Promise<LighthouseScores> {
  const lighthouse = await loadLighthouse();
  const profile = mkdtempSync(join(tmpdir(), 'atlas-lh-'));
  const { child, port } = await startChromium(profile);
  try {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    return { performance: score('performance'), accessibility: score('accessibility') };
  } finally {
    if (child.exitCode === null && child.pid !== undefined) {
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await gone;
    }
    // Chromium's helpers may still be flushing the profile for a moment; a leftover temp folder is no failure.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {}
  }
}
