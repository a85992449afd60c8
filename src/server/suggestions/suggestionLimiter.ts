// How many suggestions one client address may send: 20 an hour by default (auth/rateLimiter.ts's
// suggestionLimiter, counted in the database so every server process shares the count). Behind an async
// interface so tests can pass a limiter with a clock of their own.

export type LimitVerdict = { ok: boolean; retryAfterSeconds: number };

export interface SuggestionLimiter {
  /** Counts one suggestion from `address`; ok false (with the wait) once the address is over its limit. */
  hit(address: string): Promise<LimitVerdict>;
}
