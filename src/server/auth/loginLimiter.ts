// Failed logins are limited per client address and per e-mail address within a window: enough for a person who
// mistypes, far too few to guess a password. A success clears the e-mail's failures. In memory: one server
// process is what `npm start` runs; several processes would each keep their own count.

export type LoginLimits = {
  /** Failures allowed per e-mail address within the window. */
  perEmail: number;
  /** Failures allowed per client address within the window (several users may share one). */
  perClient: number;
  windowMs: number;
};

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perEmail: 5, perClient: 20, windowMs: 15 * 60_000 };

export class LoginLimiter {
  readonly #limits: LoginLimits;
  readonly #now: () => number;
  readonly #failures = new Map<string, number[]>();

  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.#limits.windowMs;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, list);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(client: string, email: string): number {
    const waits: number[] = [];
    for (const [key, max] of [
      [`c:${client}`, this.#limits.perClient],
      [`e:${email}`, this.#limits.perEmail],
    ] as const) {
      const list = this.#recent(key);
      if (list.length >= max) waits.push(list[list.length - max]! + this.#limits.windowMs - this.#now());
    }
    return waits.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(...waits) / 1000));
  }

  failed(client: string, email: string): void {
    for (const key of [`c:${client}`, `e:${email}`])
      this.#failures.set(key, [...this.#recent(key), this.#now()]);
    if (this.#failures.size > 100_000) this.#failures.clear();
  }

  succeeded(email: string): void {
    this.#failures.delete(`e:${email}`);
  }
}
