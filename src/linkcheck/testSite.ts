import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Test support: a site of links on 127.0.0.1 (never the internet) and a fake Wayback availability API.
//   /ok 200 · /gone 404 · /moved 301 → /ok · /loop-a ⇄ /loop-b · /chain/N → /chain/N-1 … → /ok
//   /head-refused: HEAD 405, GET 200 · /hang: accepts and never answers

export type TestSite = {
  origin: string;
  port: number;
  /** Requests seen, as "METHOD /path". */
  seen: string[];
  close(): Promise<void>;
};

function listen(server: http.Server, port = 0): Promise<number> {
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startTestSite(): Promise<TestSite> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push(`${req.method} ${path}`);
    const redirect = (status: number, to: string): void => {
      res.writeHead(status, { location: to });
      res.end();
    };
    if (path === '/ok') res.end('ok');
    else if (path === '/gone') {
      res.statusCode = 404;
      res.end('gone');
    } else if (path === '/moved') redirect(301, '/ok');
    else if (path === '/loop-a') redirect(302, '/loop-b');
    else if (path === '/loop-b') redirect(302, '/loop-a');
    else if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7));
      redirect(302, n > 0 ? `/chain/${n - 1}` : '/ok');
    } else if (path === '/head-refused') {
      res.statusCode = req.method === 'HEAD' ? 405 : 200;
      res.end();
    } else if (path === '/hang') {
      // Never answers; the connection stays open until the client gives up.
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  const port = await listen(server);
  return { origin: `http://127.0.0.1:${port}`, port, seen, close: () => closeServer(server) };
}

export type FakeArchive = { api: string; queries: URLSearchParams[]; close(): Promise<void> };

/** Answers like https://archive.org/wayback/available: a snapshot for every URL except those containing "never". */
export async function startFakeArchive(): Promise<FakeArchive> {
  const queries: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    queries.push(q);
    const url = q.get('url') ?? '';
    const ts = q.get('timestamp') ?? '20200101';
    const body = url.includes('never')
      ? { url, archived_snapshots: {} }
      : {
          url,
          archived_snapshots: {
            closest: {
              status: '200',
              available: true,
              url: `http://web.archive.test/web/${ts}000000/${url}`,
              timestamp: ts,
            },
          },
        };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
  const port = await listen(server);
  return { api: `http://127.0.0.1:${port}/wayback/available`, queries, close: () => closeServer(server) };
}
