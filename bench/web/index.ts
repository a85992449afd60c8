import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bakeShippedSite, ensureBuilt } from '../../test/e2e/harness.ts';
import { startStaticServer } from '../../test/e2e/staticServer.ts';
import { ensureBareBuild } from './bareBuild.ts';
import { measureFilterStep } from './filterStep.ts';
import { runLighthouse } from './lighthouse.ts';
import { measurePaint, median } from './paint.ts';
import { writeSyntheticSite } from './syntheticSite.ts';
import { measureTransfer } from './transfer.ts';

// The web benchmarks for bench/run.ts: the baked seed page on a plain static server, the bare geometry
// baseline, and a synthetic 100k-agreement page. Returns rows of [name, value, target, met]; prints nothing.

export type BenchRow = [name: string, value: string, target: string, ok: boolean | null];

export { measureFilterStep, measurePaint, measureTransfer, runLighthouse };

const PAINT_RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 11);
const STEP_RUNS = Number(process.env.BENCH_STEP_RUNS ?? 3);
const SYNTHETIC_N = Number(process.env.BENCH_WEB_N ?? 100_000);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number): string => `${n.toFixed(1)} ms`;

const why = (e: unknown): string =>
  (e instanceof Error ? e.message.split('\n')[0]! : String(e)).slice(0, 160);

/** Runs one benchmark; a failure becomes a row saying so, so the others still report. */
async function attempt(
  rows: BenchRow[],
  name: string,
  target: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (e) {
    rows.push([name, `failed: ${why(e)}`, target, false]);
  }
}

export async function runWebBenches(): Promise<BenchRow[]> {
  await ensureBuilt();
  const bareDir = await ensureBareBuild();
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-web-bench-'));
  const rows: BenchRow[] = [];
  try {
    const siteDir = join(tmp, 'site');
    await bakeShippedSite(siteDir);
    await attempt(rows, 'web: first load of the baked page, gzip', '≤ 120 KB', async () => {
      const t = await measureTransfer(siteDir);
      const total = t.totalGzipBytes;
      const geometry = t.geometryGzipBytes;
      rows.push(['web: first load of the baked page, gzip', kb(total), '≤ 120 KB', total <= 120 * 1024]);
      rows.push(['  of which the map geometry, gzip', kb(geometry), '≤ 80 KB', geometry <= 80 * 1024]);
      rows.push(['    carried in the HTML (paths + unit table)', kb(t.inlineGeometryGzipBytes), '', null]);
    });

    const site = await startStaticServer(siteDir);
    const bare = await startStaticServer(bareDir);
    try {
      await attempt(rows, 'web: map painted, ratio page / bare', '≤ 0.85', async () => {
        // The page draws its dataset's view of boundaries (241 units in India's view), the bare page 242.
        const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
        const siteUnits = (/<svg class="aa-map"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '').match(
          /<path[^>]* data-a3=/g,
        )?.length;
        const p = await measurePaint(`${site.url}/`, `${bare.url}/`, PAINT_RUNS, 242, siteUnits || 242);
        const name = `web: map painted, median of ${p.runs} (page / bare d3-geo)`;
        rows.push([name, `${ms(p.siteMs)} / ${ms(p.bareMs)}`, '', null]);
        rows.push(['  ratio page / bare', p.ratio.toFixed(2), '≤ 0.85', p.ratio <= 0.85]);
      });
      await attempt(rows, 'web: filter step, seed', '≤ 12 ms', async () => {
        // Three browsers, 30 steps each: the median of their medians (one browser's median swings ±2 ms on a
        // busy two-core machine); the spread is printed beside it.
        const runs = [];
        for (let i = 0; i < STEP_RUNS; i++) runs.push(await measureFilterStep(`${site.url}/`, 30));
        const card = median(runs.map((r) => r.cardMs));
        const timeline = median(runs.map((r) => r.timelineMs));
        const value = `${ms(card)} / ${ms(timeline)}`;
        rows.push([
          'web: filter step, seed (card / timeline)',
          value,
          '≤ 12 ms',
          Math.max(card, timeline) <= 12,
        ]);
        const spread = (xs: number[]): string => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
        rows.push([
          `  ${STEP_RUNS} browsers, card / timeline`,
          `${spread(runs.map((r) => r.cardMs))} / ${spread(runs.map((r) => r.timelineMs))}`,
          '',
          null,
        ]);
      });
      await attempt(rows, 'web: Lighthouse', '≥ 98 / 100', async () => {
        const lh = await runLighthouse(`${site.url}/`);
        rows.push(['web: Lighthouse performance', String(lh.performance), '≥ 98', lh.performance >= 98]);
        rows.push([
          'web: Lighthouse accessibility',
          String(lh.accessibility),
          '100',
          lh.accessibility >= 100,
        ]);
      });
    } finally {
      await site.close();
      await bare.close();
    }

    const big = `web: filter step, ${SYNTHETIC_N.toLocaleString('en')} agreements (card / timeline)`;
    await attempt(rows, big, '≤ 30 ms', async () => {
      const synthDir = join(tmp, 'synthetic');
      await writeSyntheticSite(synthDir, SYNTHETIC_N);
      const synth = await startStaticServer(synthDir);
      try {
        const r = await measureFilterStep(`${synth.url}/`, 10);
        rows.push([big, `${ms(r.cardMs)} / ${ms(r.timelineMs)}`, '≤ 30 ms', r.stepMs <= 30]);
      } finally {
        await synth.close();
      }
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
