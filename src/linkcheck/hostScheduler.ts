// Runs work for many URLs with a global limit and politeness per host: at most `perHost` at once to one host
// and at least `delayMs` between starts there. Hosts take turns, so one site with many links does not hold
// up the others.

export type ScheduleOptions = { concurrency: number; perHost: number; delayMs: number };

export function runPerHost<T, R>(
  items: readonly T[],
  hostOf: (item: T) => string,
  work: (item: T) => Promise<R>,
  opts: ScheduleOptions,
): Promise<R[]> {
  return new Promise<R[]>((resolve, reject) => {
    const results: R[] = new Array(items.length);
    const queues = new Map<string, number[]>();
    items.forEach((item, i) => {
      const host = hostOf(item);
      const q = queues.get(host);
      if (q) q.push(i);
      else queues.set(host, [i]);
    });
    const hosts = [...queues.keys()];
    const active = new Map<string, number>();
    const nextStart = new Map<string, number>();
    let running = 0;
    let finished = 0;
    let turn = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failed = false;

    const start = (host: string, i: number): void => {
      running++;
      active.set(host, (active.get(host) ?? 0) + 1);
      nextStart.set(host, Date.now() + opts.delayMs);
      work(items[i]!).then(
        (r) => {
          results[i] = r;
          running--;
          active.set(host, active.get(host)! - 1);
          finished++;
          pump();
        },
        (e: unknown) => {
          failed = true;
          reject(e);
        },
      );
    };

    function pump(): void {
      if (failed) return;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      if (finished === items.length) {
        resolve(results);
        return;
      }
      let wait = Number.POSITIVE_INFINITY;
      let started = true;
      while (started && running < opts.concurrency) {
        started = false;
        wait = Number.POSITIVE_INFINITY;
        const now = Date.now();
        for (let n = 0; n < hosts.length && running < opts.concurrency; n++) {
          const host = hosts[(turn + n) % hosts.length]!;
          const q = queues.get(host)!;
          if (q.length === 0 || (active.get(host) ?? 0) >= opts.perHost) continue;
          const at = nextStart.get(host) ?? 0;
          if (at > now) {
            wait = Math.min(wait, at - now);
            continue;
          }
          start(host, q.shift()!);
          started = true;
        }
        turn = (turn + 1) % Math.max(hosts.length, 1);
      }
      if (running < opts.concurrency && wait !== Number.POSITIVE_INFINITY) {
        timer = setTimeout(pump, wait);
      }
    }
    pump();
  });
}
