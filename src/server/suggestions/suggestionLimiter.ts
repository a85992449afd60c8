// How many suggestions one client address may send: 20 an hour by default. Behind an async interface so a
// limiter shared by every server process (kept in the database) can replace the in-memory default.

export type LimitVerdict = { ok: boolean; retryAfterSeconds: number };

export interface SuggestionLimiter {
  /** Counts one suggestion from `address`; ok false (with the wait) once the address is over its limit. */
  hit(address: string): Promise<LimitVerdict>;
}

export type WindowLimit = { max: number; windowMs: number };

export const SUGGESTION_LIMIT: WindowLimit = { max: 20, windowMs: 3600_000 };

/** A sliding window per address in this process's memory. */
export class MemorySuggestionLimiter implements SuggestionLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly limit: WindowLimit = SUGGESTION_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(address: string): Promise<LimitVerdict> {
    const t = this.now();
    const since = t - this.limit.windowMs;
    const recent = (this.#hits.get(address) ?? []).filter((x) => x > since);
    if (recent.length >= this.limit.max) {
      this.#hits.set(address, recent);
      const retry = Math.ceil((recent[0]! + this.limit.windowMs - t) / 1000);
      return { ok: false, retryAfterSeconds: Math.max(1, retry) };
    }
    recent.push(t);
    this.#hits.set(address, recent);
    // Forget quiet addresses now and then, so the map does not grow without end.
    if (this.#hits.size > 10_000) {
      for (const [k, v] of this.#hits) if ((v.at(-1) ?? 0) <= since) this.#hits.delete(k);
    }
    return { ok: true, retryAfterSeconds: 0 };
  }
}
