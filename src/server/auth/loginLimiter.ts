import type { Store } from '../../store/types.ts';
import { pruneOldHits } from './rateLimiter.ts';

// Failed logins are counted in the database (shared by every server process, kept over restarts) per pair of
// e-mail and client address, and per address. Past a few failures the wait before the next attempt doubles
// with each further failure. The right password from an address without failures is never refused: another
// person's failures elsewhere cannot lock a researcher out, and a success clears its own pair's failures. The
// per-address cap is high (a newsroom or a university shares one address) and only slows what it catches.

export type LoginLimits = {
  /** Failures of one (e-mail, address) pair within the window before waits begin. */
  perPair: number;
  /** Failures from one address (any e-mail) within the window before waits begin. */
  perAddress: number;
  windowMs: number;
  /** The first wait; each further failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perPair: 5,
  perAddress: 100,
  windowMs: 15 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
};

const PAIR = 'login-pair';
const ADDRESS = 'login-address';

export class LoginLimiter {
  readonly #store: Store;
  readonly #limits: LoginLimits;
  readonly #now: () => number;

  constructor(store: Store, limits: Partial<LoginLimits> = {}, now: () => number = Date.now) {
    this.#store = store;
    this.#limits = { ...DEFAULT_LOGIN_LIMITS, ...limits };
    this.#now = now;
  }

  #since(): string {
    return new Date(this.#now() - this.#limits.windowMs).toISOString();
  }

  /** How long (ms) to wait after the last of `count` failures when `free` are allowed without waiting. */
  #delay(count: number, free: number): number {
    if (count < free) return 0;
    return Math.min(this.#limits.maxDelayMs, this.#limits.baseDelayMs * 2 ** Math.min(30, count - free));
  }

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  async retryAfter(address: string, email: string): Promise<number> {
    const since = this.#since();
    const [pair, addr] = await Promise.all([
      this.#store.rateWindow(PAIR, `${email}\n${address}`, since),
      this.#store.rateWindow(ADDRESS, address, since),
    ]);
    const now = this.#now();
    const waits = [
      pair.last === null ? 0 : Date.parse(pair.last) + this.#delay(pair.count, this.#limits.perPair) - now,
      addr.last === null ? 0 : Date.parse(addr.last) + this.#delay(addr.count, this.#limits.perAddress) - now,
    ];
    const wait = Math.max(...waits);
    return wait <= 0 ? 0 : Math.ceil(wait / 1000);
  }

  async failed(address: string, email: string): Promise<void> {
    const now = this.#now();
    const at = new Date(now).toISOString();
    await pruneOldHits(this.#store, now);
    await this.#store.addRateHit(PAIR, `${email}\n${address}`, at);
    await this.#store.addRateHit(ADDRESS, address, at);
  }

  async succeeded(address: string, email: string): Promise<void> {
    await this.#store.clearRateHits(PAIR, `${email}\n${address}`);
  }
}
