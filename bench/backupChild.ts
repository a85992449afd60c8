import { resourceUsage } from 'node:process';
import { run } from '../src/cli/main.ts';
import { planImport } from '../src/core/diff.ts';
import type { DatasetId } from '../src/core/ids.ts';
import { openStore } from '../src/store/index.ts';
import { syntheticAgreements, syntheticDataset } from './synthetic.ts';

// One step of the backup benchmark in its own process, so its peak memory (max RSS) is that step's alone:
//   prepare URL N       a database with N synthetic agreements (one import: N records, N revisions)
//   backup URL FILE     atlas backup --out FILE
//   restore URL FILE    atlas restore FILE
const [step, url, arg] = process.argv.slice(2);
if (!step || !url || !arg) {
  console.error('usage: node --import tsx bench/backupChild.ts prepare|backup|restore DATABASE_URL N|FILE');
  process.exit(2);
}
const start = performance.now();
if (step === 'prepare') {
  const store = await openStore(url);
  try {
    const dataset = 'bench' as DatasetId;
    await store.putDataset(syntheticDataset(dataset), { actor: 'bench', reason: 'benchmark' });
    const plan = planImport(
      { agreements: [], notes: [] },
      { agreements: syntheticAgreements(Number(arg), 42), notes: [] },
    );
    await store.applyImport(dataset, plan, { actor: 'bench', reason: 'benchmark import' });
  } finally {
    await store.close();
  }
} else {
  process.env.DATABASE_URL = url;
  const code = await run(step === 'backup' ? ['backup', '--out', arg] : ['restore', arg]);
  if (code !== 0) process.exit(code);
}
const ms = Math.round(performance.now() - start);
process.stdout.write(`${JSON.stringify({ ms, maxRssMB: Math.round(resourceUsage().maxRSS / 1024) })}\n`);
