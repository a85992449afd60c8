import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

// A deliberately plain static file server, standing in for nginx, a CDN or GitHub Pages: files as they are,
// the precompressed .gz beside a file when the client accepts gzip, a content type by extension, index.html
// for a folder. No Node-side rendering of any kind, so a baked site that works here works on any static host.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** One answered request: what was asked, what was sent and how many bytes went over the wire. */
export type ServedRequest = { path: string; status: number; gzip: boolean; bytes: number };

export type StaticServer = {
  url: string;
  /** Every request answered so far, in order. */
  log: ServedRequest[];
  close(): Promise<void>;
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, rel));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (urlPath.endsWith('/')) {
    const index = join(full, 'index.html');
    return (await isFile(index)) ? index : null;
  }
  return (await isFile(full)) ? full : null;
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = normalize(root);
  const log: ServedRequest[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const answer = (status: number, body: string): void => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(body);
      log.push({ path, status, gzip: false, bytes: Buffer.byteLength(body) });
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, 'method not allowed');
    const file = await resolveFile(base, path);
    if (file === null) {
      // A folder without its trailing slash: redirect as static hosts do, so relative URLs resolve.
      if (!path.endsWith('/') && (await resolveFile(base, `${path}/`)) !== null) {
        res.writeHead(301, { Location: `${path}/` });
        res.end();
        log.push({ path, status: 301, gzip: false, bytes: 0 });
        return;
      }
      return answer(404, 'not found');
    }
    const gz = acceptsGzip(req) && (await isFile(`${file}.gz`));
    const sent = gz ? `${file}.gz` : file;
    const size = (await stat(sent)).size;
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(size),
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
    });
    log.push({ path, status: 200, gzip: gz, bytes: req.method === 'HEAD' ? 0 : size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(sent).pipe(res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(e instanceof Error ? e.message : String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
