import cliProgress from 'cli-progress';
import type { Out } from './output.ts';

// Long imports show where they are (read, parse, compare, write) on a terminal; pipes and --json stay clean.

export type Phases = { step(label: string): void; done(): void };

export function phases(out: Out, labels: readonly string[], enabled: boolean): Phases {
  if (!enabled || !out.isTTY) return { step: () => {}, done: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {value}/{total} {phase}',
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let n = 0;
  bar.start(labels.length, 0, { phase: labels[0] ?? '' });
  return {
    step(label: string): void {
      n += 1;
      bar.update(n, { phase: label });
    },
    done(): void {
      bar.update(labels.length, { phase: 'done' });
      bar.stop();
    },
  };
}
