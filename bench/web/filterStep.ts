import { launchBrowser, NAME_SHIM } from '../../test/e2e/harness.ts';
import { waitForMap } from '../../test/e2e/mapPage.ts';
import { median } from './paint.ts';

// One filter step, from the state change to the frame that shows it: a legend card toggled (a category on or
// off) or the timeline's end moved by a year. Each step starts just after a frame, so the wait for the next
// vsync is not counted: a step is the script's work (event, state, Preact render of legend, map and the rest,
// all synchronous or in microtasks) plus the next frame's style, layout and paint (from that frame's start to a
// task queued behind it).

export type StepResult = {
  /** Median ms of a legend-card toggle. */
  cardMs: number;
  /** Median ms of a one-year timeline move. */
  timelineMs: number;
  /** The larger of the two: what the target is checked against. */
  stepMs: number;
  cardSamples: number[];
  timelineSamples: number[];
};

type StepOptions = { kind: 'card' | 'timeline'; steps: number; warmup: number };

/** Runs in the page. Written without helpers of the test files: it is serialised into the browser. */
async function stepInPage(opts: StepOptions): Promise<number[]> {
  const afterFrame = (): Promise<void> =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(0);
      }),
    );
  const card = document.querySelectorAll<HTMLButtonElement>('[data-testid^="legend-card-"]')[1];
  const to = document.querySelector<HTMLInputElement>('[data-testid="timeline-to"]');
  if (!card || !to) throw new Error('the page has no legend card or timeline to step');
  const max = Number(to.max);
  const act = (i: number): void => {
    if (opts.kind === 'card') card.click();
    else {
      to.value = String(max - 1 - (i % 4));
      to.dispatchEvent(new Event('input', { bubbles: true }));
    }
  };
  const samples: number[] = [];
  for (let i = 0; i < opts.warmup + opts.steps; i++) {
    await afterFrame();
    const t0 = performance.now();
    act(i);
    await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    const frameStart = await new Promise<number>((r) => requestAnimationFrame(r));
    await new Promise<void>((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    });
    const t2 = performance.now();
    if (i >= opts.warmup) samples.push(t1 - t0 + (t2 - Math.max(frameStart, t1)));
  }
  return samples;
}

/** Measures `steps` card toggles and `steps` timeline moves on the page at `url` (desktop, 1280×800). */
export async function measureFilterStep(url: string, steps = 20): Promise<StepResult> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    // A page carrying 100k agreements takes a while to parse and render before the first step.
    await page.goto(url, { timeout: 300_000 });
    await waitForMap(page, 300_000);
    if (!(await page.getByTestId('timeline-to').isVisible()))
      await page.getByTestId('filters-toggle').click();
    const cardSamples = await page.evaluate(stepInPage, { kind: 'card', steps, warmup: 2 } as StepOptions);
    const timelineSamples = await page.evaluate(stepInPage, {
      kind: 'timeline',
      steps,
      warmup: 2,
    } as StepOptions);
    await context.close();
    const cardMs = median(cardSamples);
    const timelineMs = median(timelineSamples);
    return { cardMs, timelineMs, stepMs: Math.max(cardMs, timelineMs), cardSamples, timelineSamples };
  } finally {
    await browser.close();
  }
}
