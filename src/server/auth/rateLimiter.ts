import type { Store } from '../../store/types.ts';

// A sliding-window limit kept in the database (the store's rate_hits), so every server process counts the same
// hits: at most `max` hits per key within `windowMs`. Readers' suggestions use it (20 an hour per address); it
// fits the SuggestionLimiter interface: `hit(address)`.

export type LimitAnswer = { ok: boolean; retryAfterSeconds: number };

export type WindowLimits = { bucket: string; max: number; windowMs: number };

/** Hits older than this are of no use to any limiter here; they are pruned. */
const KEEP_MS = 24 * 3600_000;
const PRUNE_EVERY_MS = 60_000;
const lastPrune = new WeakMap<Store, number>();

/** Deletes old hits, at most once a minute per process and store: the table stays small without a timer. */
export async function pruneOldHits(store: Store, now: number): Promise<void> {
  if (now - (lastPrune.get(store) ?? 0) < PRUNE_EVERY_MS) return;
  lastPrune.set(store, now);
  await store.pruneRateHits(new Date(now - KEEP_MS).toISOString());
}

export class WindowLimiter {
  readonly #store: Store;
  readonly #limits: WindowLimits;
  readonly #now: () => number;

  constructor(store: Store, limits: WindowLimits, now: () => number = Date.now) {
    if (!(limits.max >= 1 && limits.windowMs > 0 && limits.windowMs <= KEEP_MS))
      throw new Error(`limit ${limits.bucket}: max must be at least 1 and the window at most a day`);
    this.#store = store;
    this.#limits = limits;
    this.#now = now;
  }

  /**
   * Counts one hit for `key` and says whether it is within the limit; a refused hit is not counted. The store
   * takes the place atomically, so two processes racing for the last place cannot both get it.
   */
  async hit(key: string): Promise<LimitAnswer> {
    const now = this.#now();
    const { bucket, max, windowMs } = this.#limits;
    await pruneOldHits(this.#store, now);
    const w = await this.#store.takeRateHit(
      bucket,
      key,
      new Date(now).toISOString(),
      new Date(now - windowMs).toISOString(),
      max,
    );
    if (w.taken) return { ok: true, retryAfterSeconds: 0 };
    const freeAt = Date.parse(w.first ?? new Date(now).toISOString()) + windowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
  }
}

/** Readers' suggestions: 20 an hour per client address, counted in the database (the SuggestionLimiter). */
export const SUGGESTION_LIMITS: WindowLimits = { bucket: 'suggestions', max: 20, windowMs: 3600_000 };

export function suggestionLimiter(store: Store, now: () => number = Date.now): WindowLimiter {
  return new WindowLimiter(store, SUGGESTION_LIMITS, now);
}
