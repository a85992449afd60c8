import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './addressPolicy.ts';

// Checks one URL the way a reader's browser would reach it: HEAD first (cheap), GET when HEAD is refused or
// fails, redirects followed by hand (at most 5) so that every hop's address passes the private-address
// policy, all within one deadline per URL.

export type ProbeOptions = {
  /** The whole check of one URL, redirects and the GET fallback included. */
  timeoutMs: number;
  allowPrivate: boolean;
  maxRedirects?: number;
};

export type ProbeResult = {
  url: string;
  /** The final HTTP status, or null when there was none (no answer, blocked, a bad redirect). */
  status: number | null;
  /** Where the redirects ended (the URL itself without redirects); null without an answer. */
  finalUrl: string | null;
  error: string | null;
  /** The URL (or a redirect) points at a loopback, private or link-local address, and was not fetched. */
  blocked: boolean;
  /** False when no server answered at all (timeout, refused, unknown host). */
  answered: boolean;
};

const USER_AGENT = 'AccordAtlas-LinkCheck/1 (+https://github.com/accord-atlas)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Statuses some servers give HEAD but not GET.
const HEAD_REFUSED = new Set([400, 403, 404, 405, 501]);

type Answer = { status: number; location: string | null };
type Address = { address: string; family: number };

class Timeout extends Error {}

function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new Timeout());
    const onAbort = (): void => reject(new Timeout());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function addressesOf(hostname: string): Promise<Address[]> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family !== 0) return [{ address: bare, family }];
  return lookup(bare, { all: true, verbatim: true });
}

/** One request to a vetted address: the host name still goes in Host and TLS SNI, the socket to `to`. */
function requestOnce(url: URL, method: 'HEAD' | 'GET', to: Address, signal: AbortSignal): Promise<Answer> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [to]);
    else callback(null, to.address, to.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method,
        signal,
        lookup: pinned,
        agent: false,
        headers: { 'user-agent': USER_AGENT, accept: '*/*' },
      },
      (res) => {
        res.on('error', () => {});
        const location = res.headers.location;
        resolve({ status: res.statusCode ?? 0, location: typeof location === 'string' ? location : null });
        // Only the status matters: drop the body instead of downloading it.
        res.destroy();
      },
    );
    req.on('error', (e) => reject(signal.aborted ? new Timeout() : e));
    req.end();
  });
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (err.code === 'ECONNREFUSED') return 'the connection was refused';
  if (err.code === 'ECONNRESET') return 'the connection was reset';
  if (err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT')) return `TLS error (${err.code})`;
  return err.message || String(e);
}

export async function probeUrl(url: string, opts: ProbeOptions): Promise<ProbeResult> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const result = (r: Partial<ProbeResult>): ProbeResult => ({
    url,
    status: null,
    finalUrl: null,
    error: null,
    blocked: false,
    answered: false,
    ...r,
  });
  const seconds = Math.round(opts.timeoutMs / 100) / 10;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return result({ error: 'not a valid URL' });
  }
  const visited = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return result({ error: `a redirect leads to a ${current.protocol} URL`, answered: hop > 0 });
    }
    visited.add(current.href);
    let to: Address;
    try {
      const addresses = await untilAborted(addressesOf(current.hostname), signal);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad && !opts.allowPrivate) {
        return result({
          blocked: true,
          answered: hop > 0,
          error: `blocked: ${current.hostname} is a loopback, private or link-local address (${bad.address}); not fetched`,
        });
      }
      if (addresses.length === 0) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
      to = addresses[0]!;
    } catch (e) {
      if (e instanceof Timeout) return result({ error: `no answer within ${seconds} s` });
      return result({ error: describe(e), answered: hop > 0 });
    }
    let answer: Answer | null = null;
    let failure: unknown = null;
    try {
      answer = await requestOnce(current, 'HEAD', to, signal);
    } catch (e) {
      failure = e;
    }
    if (!signal.aborted && (answer === null || HEAD_REFUSED.has(answer.status))) {
      try {
        answer = await requestOnce(current, 'GET', to, signal);
      } catch (e) {
        failure = e;
        answer = null;
      }
    }
    if (answer === null) {
      if (failure instanceof Timeout || signal.aborted)
        return result({ error: `no answer within ${seconds} s` });
      return result({ error: describe(failure), answered: hop > 0 });
    }
    if (REDIRECTS.has(answer.status) && answer.location !== null) {
      let next: URL;
      try {
        next = new URL(answer.location, current);
      } catch {
        return result({
          status: answer.status,
          finalUrl: current.href,
          answered: true,
          error: 'a bad redirect',
        });
      }
      if (visited.has(next.href)) {
        return result({
          status: answer.status,
          finalUrl: next.href,
          answered: true,
          error: 'a redirect loop',
        });
      }
      if (hop >= maxRedirects) {
        return result({
          status: answer.status,
          finalUrl: next.href,
          answered: true,
          error: `more than ${maxRedirects} redirects`,
        });
      }
      current = next;
      continue;
    }
    return result({ status: answer.status, finalUrl: current.href, answered: true });
  }
}
