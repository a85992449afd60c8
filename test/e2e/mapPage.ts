import type { Page } from 'playwright-core';

// Reading and driving the map page the way a reader does: through what is on screen and its test hooks
// (data-testid, data-iso2, data-marker), never through the page's internals.

export const MAP = '[data-testid="map"]';
/** A partner's keyboard stop / click target (countries with research notes are buttons too, not partners). */
export const PARTNER_SHAPES = `${MAP} svg path.aa-partner[role="button"][data-iso2]`;

/** Waits until the map is drawn and the page's script has taken it over (the server draws it before). */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector(`html[data-atlas-ready] ${PARTNER_SHAPES}`, { state: 'attached', timeout });
}

export async function legendCounts(
  page: Page,
  categories: readonly string[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of categories) {
    const text = await page.getByTestId(`legend-count-${c}`).textContent();
    out[c] = Number((text ?? '').replace(/[^\d]/g, ''));
  }
  return out;
}

/** The ISO codes of the partner shapes on the map, sorted. */
export async function partnersOnMap(page: Page): Promise<string[]> {
  const codes = await page.$$eval(PARTNER_SHAPES, (els) => els.map((e) => e.getAttribute('data-iso2') ?? ''));
  return [...new Set(codes)].sort();
}

export type ClickPoint = { x: number; y: number; via: 'marker' | 'shape' };

/**
 * A viewport point that lands on the country: the centre of its marker when it has one (tiny states), else a
 * point inside its shape found by sampling the path's fill (`isPointInFill`) on a grid, keeping only points
 * where the country is the topmost element (not under a neighbour, a lake or a marker), and taking the most
 * interior of those. Never the bounding-box centre: France's is in the sea.
 */
export async function clickPointFor(page: Page, iso2: string): Promise<ClickPoint | null> {
  await page.locator(`${MAP} path[data-iso2="${iso2}"]`).first().scrollIntoViewIfNeeded();
  return page.evaluate(
    ({ iso2, map }): ClickPoint | null => {
      const root = document.querySelector(map);
      if (!root) return null;
      const belongs = (el: Element | null): boolean => {
        const unit = el?.closest('[data-a3]');
        if (!unit) return false;
        return unit.getAttribute('data-iso2') === iso2 || unit.getAttribute('data-marker') === iso2;
      };
      const inView = (x: number, y: number): boolean =>
        x >= 1 && y >= 1 && x <= window.innerWidth - 1 && y <= window.innerHeight - 1;
      const marker = root.querySelector(`[data-marker="${iso2}"] circle`);
      if (marker) {
        const r = marker.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (inView(x, y) && belongs(document.elementFromPoint(x, y))) return { x, y, via: 'marker' };
      }
      const paths = [...root.querySelectorAll<SVGPathElement>(`path[data-iso2="${iso2}"][data-a3]`)];
      for (const steps of [16, 48, 160]) {
        for (const path of paths) {
          const ctm = path.getScreenCTM();
          if (!ctm) continue;
          const box = path.getBBox();
          const hits = new Set<string>();
          const screen = new Map<string, { x: number; y: number }>();
          for (let i = 0; i <= steps; i++) {
            for (let j = 0; j <= steps; j++) {
              const p = new DOMPoint(box.x + (box.width * i) / steps, box.y + (box.height * j) / steps);
              if (!path.isPointInFill(p)) continue;
              const s = p.matrixTransform(ctm);
              if (!inView(s.x, s.y) || !belongs(document.elementFromPoint(s.x, s.y))) continue;
              hits.add(`${i},${j}`);
              screen.set(`${i},${j}`, { x: s.x, y: s.y });
            }
          }
          // The most interior hit: the one with most hit neighbours (a point on a sliver's edge is fragile).
          let best: { x: number; y: number } | null = null;
          let bestScore = -1;
          for (const key of hits) {
            const [i, j] = key.split(',').map(Number) as [number, number];
            let score = 0;
            for (let di = -2; di <= 2; di++)
              for (let dj = -2; dj <= 2; dj++) if (hits.has(`${i + di},${j + dj}`)) score++;
            if (score > bestScore) [best, bestScore] = [screen.get(key)!, score];
          }
          if (best) return { ...best, via: 'shape' };
        }
      }
      // Last resort for a shape too thin for any grid: points along its outline, nudged inwards.
      for (const path of paths) {
        const ctm = path.getScreenCTM();
        if (!ctm) continue;
        const length = path.getTotalLength();
        for (let k = 0; k < 400; k++) {
          const a = path.getPointAtLength((length * k) / 400);
          const b = path.getPointAtLength((length * (k + 1)) / 400);
          const mid = new DOMPoint((a.x + b.x) / 2, (a.y + b.y) / 2);
          for (const side of [1, -1]) {
            const p = new DOMPoint(mid.x + side * (a.y - b.y) * 0.25, mid.y + side * (b.x - a.x) * 0.25);
            if (!path.isPointInFill(p)) continue;
            const s = p.matrixTransform(ctm);
            if (inView(s.x, s.y) && belongs(document.elementFromPoint(s.x, s.y)))
              return { x: s.x, y: s.y, via: 'shape' };
          }
        }
      }
      return null;
    },
    { iso2, map: MAP },
  );
}

/** The agreement ids the open country panel lists, by category. */
export async function panelAgreements(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('[data-testid="country-panel"] section[data-category]', (sections) => {
    const out: Record<string, string[]> = {};
    for (const s of sections) {
      const cat = s.getAttribute('data-category') ?? '';
      out[cat] = [...s.querySelectorAll('[data-agreement]')].map(
        (li) => li.getAttribute('data-agreement') ?? '',
      );
    }
    return out;
  });
}

/** data-iso2 of the focused element (a map shape), or null. */
export async function focusedCountry(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-iso2') ?? null);
}

export async function focusInMap(page: Page): Promise<boolean> {
  return page.evaluate((map) => !!document.activeElement?.closest(`${map} svg`), MAP);
}

/** The visible problems of a page as one readable message for an assertion. */
export function describeProblems(blocked: readonly string[], errors: readonly string[]): string {
  return [...new Set([...blocked.map((u) => `outside request: ${u}`), ...errors])].join('\n');
}
