import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetId } from '../src/core/ids.ts';
import { agreement, testDataset } from '../src/core/testing/fixtures.ts';
import { checkLinks } from '../src/linkcheck/checkLinks.ts';
import { openStore } from '../src/store/index.ts';

// A link check of N sources on a local test site (never the internet): live hosts (one port each on
// 127.0.0.1) answer 200, and `timeoutShare` of the sources sit on hosts that accept connections and never
// answer. Target: 1,000 sources, 5 % timeouts, --concurrency 16, a 5 s timeout → ≤ 15 s in all.

export type LinkBenchOptions = { n?: number; timeoutShare?: number; concurrency?: number; timeoutS?: number };
export type LinkBenchResult = { ms: number; checked: number; ok: number; broken: number };

function server(answer: boolean): Promise<http.Server> {
  const s = http.createServer((_req, res) => {
    if (answer) res.end('ok');
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

export async function benchLinkCheck(options: LinkBenchOptions = {}): Promise<LinkBenchResult> {
  const n = options.n ?? 1000;
  const dead = Math.round(n * (options.timeoutShare ?? 0.05));
  const liveHosts = Math.max(1, Math.round((n - dead) / 19));
  const deadHosts = Math.max(dead > 0 ? 1 : 0, Math.round(dead / 10));
  const live = await Promise.all(Array.from({ length: liveHosts }, () => server(true)));
  const silent = await Promise.all(Array.from({ length: deadHosts }, () => server(false)));
  const origin = (s: http.Server): string => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-linkbench-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  try {
    const ds = testDataset.id as DatasetId;
    await store.putDataset(testDataset, { actor: 'bench', reason: '' });
    const by = { actor: 'bench', reason: '' };
    for (let i = 0; i < n; i++) {
      const host = i < dead ? origin(silent[i % deadHosts]!) : origin(live[i % liveHosts]!);
      await store.createAgreement(ds, agreement('mou', ['FR'], { url: `${host}/doc/${i}` }), by);
    }
    const started = performance.now();
    const r = await checkLinks(store, ds, {
      concurrency: options.concurrency ?? 16,
      timeoutMs: (options.timeoutS ?? 5) * 1000,
      allowPrivate: true,
      archive: false,
      archiveApi: 'http://127.0.0.1:9/unused',
    });
    return { ms: Math.round(performance.now() - started), checked: r.checked, ok: r.ok, broken: r.broken };
  } finally {
    await store.close();
    for (const s of [...live, ...silent]) {
      s.closeAllConnections();
      s.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('linkCheck.ts')) {
  const n = Number(process.argv[2] ?? 1000);
  console.log(JSON.stringify(await benchLinkCheck({ n })));
}
