import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

// Who is asking, and which origin this server is, as seen through zero or more reverse proxies. Forwarded
// headers (X-Forwarded-For, -Host, -Proto) are believed only from a trusted proxy: anyone else could write them
// to pose as another address (and escape the login limits) or as another origin.

/**
 * ATLAS_TRUST_PROXY: unset/"false" trusts no proxy; "true" trusts the one proxy in front of the server (the peer);
 * a comma-separated list of addresses trusts exactly those (several hops: each one in the list is skipped).
 */
export type TrustProxy = false | true | readonly string[];

declare module 'hono' {
  interface ContextVariableMap {
    /** The client's address (after trusted proxies). */
    clientAddress: string;
    /** This server's own origin as the browser sees it, e.g. https://atlas.example.org. */
    ownOrigin: string;
  }
}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0' || v === 'no') return false;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const a of list)
    if (!/^[0-9a-f.:]+$/.test(a))
      throw new Error(
        `ATLAS_TRUST_PROXY names "${a}", which is not an IP address; use true (one proxy in front), false, or a comma-separated list of the proxies' addresses`,
      );
  return list.map(bare);
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same IPv4 peer. */
function bare(address: string): string {
  return address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

function peerOf(c: Context): string {
  try {
    return bare(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

function trusts(trust: TrustProxy, address: string): boolean {
  if (trust === false) return false;
  if (trust === true) return true;
  return trust.includes(address);
}

/** The client behind trusted proxies: X-Forwarded-For read from the right, skipping trusted hops. */
export function resolveClient(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  if (!trusts(trust, peer) || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(',')
    .map(bare)
    .filter((s) => s !== '');
  if (trust === true) return hops.at(-1) ?? peer;
  for (let i = hops.length - 1; i >= 0; i--) if (!trusts(trust, hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}

function first(header: string | undefined): string | undefined {
  const v = header?.split(',')[0]?.trim();
  return v === '' ? undefined : v;
}

/** Sets `clientAddress` and `ownOrigin` on every request. */
export function clientInfo(trust: TrustProxy): MiddlewareHandler {
  return async (c, next) => {
    const peer = peerOf(c);
    const viaProxy = trusts(trust, peer);
    c.set('clientAddress', resolveClient(peer, c.req.header('x-forwarded-for'), trust));
    const url = new URL(c.req.url);
    const proto = (viaProxy && first(c.req.header('x-forwarded-proto'))) || url.protocol.replace(':', '');
    const host = (viaProxy && first(c.req.header('x-forwarded-host'))) || c.req.header('host') || url.host;
    c.set('ownOrigin', `${proto.toLowerCase()}://${host.toLowerCase()}`);
    await next();
  };
}

/** The client's address, also for apps built without the clientInfo middleware (tests). */
export function clientAddress(c: Context): string {
  return c.get('clientAddress') ?? peerOf(c);
}
