import { serializeCsv } from '../src/formats/index.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { startServer } from '../src/server/index.ts';
import { syntheticAgreements, syntheticDataset } from './synthetic.ts';

// /healthz while a big import runs through the editor API (issue 11): a real server on a port, a normalized CSV of
// `n` synthetic agreements posted to /api/v1/datasets/:id/import, and /healthz polled every 50 ms meanwhile.

export type HealthDuringImport = {
  status: number;
  importMs: number;
  polls: number;
  p50: number;
  p95: number;
  max: number;
  /** Polls answered with anything but 200. */
  failed: number;
  /** Polls whose connection was reset before an answer. */
  resets: number;
};

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

export async function healthDuringImport(databaseUrl: string, n: number): Promise<HealthDuringImport> {
  const server = await startServer({ port: 0, databaseUrl, hostname: '127.0.0.1', seed: false });
  try {
    const dataset = syntheticDataset('bench-health');
    await server.store.putDataset(dataset, { actor: 'bench', reason: 'benchmark' });
    const who = { email: 'bench@example.org', password: 'a long benchmark passphrase' };
    await server.store.createUser(who.email, 'editor', await hashPassword(who.password));
    const login = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(who),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const csv = serializeCsv(dataset, syntheticAgreements(n, 7));

    const latencies: number[] = [];
    let failed = 0;
    let resets = 0;
    let done = false;
    const poller = (async (): Promise<void> => {
      while (!done) {
        const t = performance.now();
        // A reset of a reused keep-alive connection (seen once in ~400 polls, client side) is counted apart.
        const r = await fetch(`${server.url}/healthz`).catch(() => null);
        latencies.push(performance.now() - t);
        if (r === null) resets += 1;
        else if (r.status !== 200) failed += 1;
        await r?.text();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const start = performance.now();
    const res = await fetch(`${server.url}/api/v1/datasets/${dataset.id}/import?filename=big.csv`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: server.url, 'content-type': 'text/csv' },
      body: csv,
    });
    await res.text();
    const importMs = performance.now() - start;
    done = true;
    await poller;
    return {
      status: res.status,
      importMs: Math.round(importMs),
      polls: latencies.length,
      p50: Math.round(percentile(latencies, 50)),
      p95: Math.round(percentile(latencies, 95)),
      max: Math.round(Math.max(0, ...latencies)),
      failed,
      resets,
    };
  } finally {
    await server.close();
  }
}
