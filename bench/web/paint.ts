import type { Browser } from 'playwright-core';
import { launchBrowser, NAME_SHIM } from '../../test/e2e/harness.ts';

// Time from navigation to the map painted, for the real page and for the bare baseline that only draws the same
// geometry with d3-geo, measured alternately in one browser so both see the same machine state.
//
// "Painted": if the page marks it (performance.mark('atlas:map-painted')) that mark is used; otherwise an
// observer installed before any page script waits until every geometry unit is a path in the DOM
// (`path[data-a3]`, both pages draw one per unit), then takes the time after the next frame
// (requestAnimationFrame, then a task: the frame's style, layout and paint are done by then).

export const PAINT_MARK = 'atlas:map-painted';

export type PaintResult = {
  /** Median ms from navigation start to the map painted. */
  siteMs: number;
  bareMs: number;
  /** siteMs / bareMs (target ≤ 1.3). */
  ratio: number;
  runs: number;
  siteSamples: number[];
  bareSamples: number[];
};

const OBSERVER = `(() => {
  const EXPECTED = %UNITS%;
  window.__paintedAt = null;
  const done = () => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        if (window.__paintedAt === null) window.__paintedAt = performance.now();
      };
      ch.port2.postMessage(0);
    });
  };
  const check = () => {
    if (document.querySelectorAll('svg path[data-a3]').length >= EXPECTED) {
      observer.disconnect();
      done();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function paintOnce(browser: Browser, url: string, units: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(NAME_SHIM);
    await context.addInitScript(OBSERVER.replace('%UNITS%', String(units)));
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(
      (mark) => {
        const marked = performance.getEntriesByName(mark)[0];
        if (marked) return marked.startTime;
        return (window as unknown as { __paintedAt: number | null }).__paintedAt;
      },
      PAINT_MARK,
      { timeout: 60_000, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/**
 * Median paint time of `siteUrl` and `bareUrl` over `runs` alternating loads each (after one warm-up load of
 * each, which is not counted). `units` is the number of geometry units the bare page draws (the de facto asset),
 * `siteUnits` those the page draws (241 in India's view, where Siachen is part of India).
 */
export async function measurePaint(
  siteUrl: string,
  bareUrl: string,
  runs: number,
  units = 242,
  siteUnits = units,
): Promise<PaintResult> {
  const browser = await launchBrowser();
  try {
    await paintOnce(browser, siteUrl, siteUnits);
    await paintOnce(browser, bareUrl, units);
    const siteSamples: number[] = [];
    const bareSamples: number[] = [];
    for (let i = 0; i < runs; i++) {
      siteSamples.push(await paintOnce(browser, siteUrl, siteUnits));
      bareSamples.push(await paintOnce(browser, bareUrl, units));
    }
    const siteMs = median(siteSamples);
    const bareMs = median(bareSamples);
    return { siteMs, bareMs, ratio: siteMs / bareMs, runs, siteSamples, bareSamples };
  } finally {
    await browser.close();
  }
}
