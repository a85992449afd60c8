import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.ts';
import { tempStore, testDialects } from '../../store/testing.ts';
import type { Store } from '../../store/types.ts';
import { SUGGESTION_LIMITS, suggestionLimiter, WindowLimiter } from './rateLimiter.ts';

// The database-backed window limiter (readers' suggestions: 20 an hour per address), with two stores on one
// database standing for two server processes: they count the same hits.

for (const { dialect, skip } of testDialects()) {
  describe.skipIf(skip !== null)(`window limiter on ${dialect}`, () => {
    let one: Awaited<ReturnType<typeof tempStore>>;
    let two: Store;
    let clock = Date.parse('2026-03-01T12:00:00Z');

    beforeAll(async () => {
      one = await tempStore(dialect);
      // Two SQLite connections in one process block each other's synchronous driver while one waits for the
      // lock (busy_timeout); two real processes do not (src/server/twoProcesses.test.ts). Here SQLite shares one.
      two = dialect === 'postgres' ? await openStore(one.url) : one.store;
    });
    afterAll(async () => {
      if (two !== one?.store) await two?.close();
      await one?.dispose();
    });

    it('allows 20 an hour per address across two processes, then 429-style answers with a retry time', async () => {
      const a = new WindowLimiter(
        one.store,
        { bucket: 'suggestions', max: 20, windowMs: 3600_000 },
        () => clock,
      );
      const b = new WindowLimiter(two, { bucket: 'suggestions', max: 20, windowMs: 3600_000 }, () => clock);
      const answers = [];
      for (let i = 0; i < 20; i++) {
        answers.push(await (i % 2 === 0 ? a : b).hit('198.51.100.4'));
        clock += 1000;
      }
      expect(answers.every((x) => x.ok)).toBe(true);
      const refused = await b.hit('198.51.100.4');
      expect(refused.ok).toBe(false);
      // The first hit was 20 s ago: it leaves the window in an hour minus 20 s.
      expect(refused.retryAfterSeconds).toBe(3600 - 20);
      expect((await a.hit('198.51.100.4')).ok).toBe(false);
      // Another address is not affected; concurrent hits never let more than the limit through.
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).hit('203.0.113.5')),
      );
      expect(burst.filter((x) => x.ok)).toHaveLength(20);
      clock += 3600_000;
      expect((await a.hit('198.51.100.4')).ok).toBe(true);
    });

    it('the suggestions limiter is 20 an hour per address, shared through the store', async () => {
      expect(SUGGESTION_LIMITS).toEqual({ bucket: 'suggestions', max: 20, windowMs: 3600_000 });
      const t = Date.parse('2026-04-01T00:00:00Z');
      const first = suggestionLimiter(one.store, () => t);
      for (let i = 0; i < 20; i++) expect((await first.hit('192.0.2.77')).ok).toBe(true);
      const other = suggestionLimiter(two, () => t + 1000);
      expect(await other.hit('192.0.2.77')).toEqual({ ok: false, retryAfterSeconds: 3599 });
    });

    it('refuses a limit that makes no sense', () => {
      expect(() => new WindowLimiter(two, { bucket: 'x', max: 0, windowMs: 1000 })).toThrow(/at least 1/);
    });
  });
}
