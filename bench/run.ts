import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchStats } from './stats.ts';

// `npm run bench`: the figures the issues ask for, printed with their targets. PostgreSQL is measured when
// TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set.

const exec = promisify(execFile);
const N = Number(process.env.BENCH_N ?? 100_000);
const rows: Array<[string, string, string, string]> = [];

function record(name: string, value: string, target: string, ok: boolean | null): void {
  rows.push([name, value, target, ok === null ? '' : ok ? 'ok' : 'MISSED']);
  console.log(
    `${name.padEnd(52)} ${value.padStart(14)}   target ${target}${ok === false ? '   MISSED' : ''}`,
  );
}

async function importBench(label: string, url: string): Promise<void> {
  const { stdout } = await exec(
    process.execPath,
    ['--import', 'tsx', 'bench/importChild.ts', url, String(N)],
    {
      maxBuffer: 1 << 20,
    },
  );
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; maxRssMB: number };
  record(
    `import ${N.toLocaleString('en')} agreements into ${label}`,
    `${(r.ms / 1000).toFixed(2)} s`,
    '≤ 5 s',
    r.ms <= 5000,
  );
  record(`  peak memory (max RSS) of that import`, `${r.maxRssMB} MB`, '(reported)', null);
}

console.log(`Accord Atlas benchmarks — ${new Date().toISOString()} — Node ${process.version}\n`);

const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
try {
  await importBench('SQLite', `sqlite:${join(dir, 'bench.db')}`);
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) await importBench('PostgreSQL', pgUrl);
  else console.log('import into PostgreSQL: skipped (set TEST_DATABASE_URL to measure it)');

  const s = benchStats(N);
  record(
    `stats over ${N.toLocaleString('en')} agreements in memory (median)`,
    `${s.statsMs} ms`,
    '≤ 50 ms',
    s.statsMs <= 50,
  );
  record(`  per-country tally (map colouring) over the same`, `${s.tallyMs} ms`, '(reported)', null);

  const { benchReadApi } = await import('./readApi.ts');
  const api = await benchReadApi();
  record('read API: dataset document, requests/s', `${Math.round(api.apiRps)}`, '', null);
  record('  same bytes as a static file, requests/s', `${Math.round(api.staticRps)}`, '', null);
  record('  ratio API / static', api.ratio.toFixed(2), '≥ 0.5', api.ratio >= 0.5);

  const { runVersionBenches } = await import('./versions.ts');
  for (const [name, value, target, ok] of await runVersionBenches(N)) record(name, value, target, ok);

  const webBenches = './web/index.ts';
  if (existsSync('bench/web/index.ts')) {
    // A variable specifier: the web benches are optional until built, so type-checking must not require them.
    const web = (await import(webBenches)) as {
      runWebBenches(): Promise<Array<[string, string, string, boolean | null]>>;
    };
    for (const [name, value, target, ok] of await web.runWebBenches()) record(name, value, target, ok);
  } else console.log('web benchmarks: bench/web/index.ts not present');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const missed = rows.filter((r) => r[3] === 'MISSED').length;
console.log(`\n${rows.length} figures, ${missed} target(s) missed`);
