import type { DatasetId } from '../src/core/ids.ts';
import { computeStats, tallyByCountry } from '../src/core/stats.ts';
import { syntheticAgreements, syntheticDataset } from './synthetic.ts';

/** Median time of computeStats (and tallyByCountry, what the map uses) over n synthetic agreements in memory. */
export function benchStats(n: number, runs = 15): { statsMs: number; tallyMs: number } {
  const dataset = syntheticDataset('bench-stats' as DatasetId);
  const agreements = syntheticAgreements(n, 7);
  const median = (f: () => void): number => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      f();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(runs / 2)]! * 100) / 100;
  };
  return {
    statsMs: median(() => computeStats(dataset, agreements)),
    tallyMs: median(() => tallyByCountry(dataset, agreements)),
  };
}
