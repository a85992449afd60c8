import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/types.ts';

// One publication (or bake) at a time across every process on the database: a lease row in the store. It
// expires on its own, so a process killed mid-publication blocks the next one for at most LEASE_MS.

export const PUBLISH_LEASE = 'publish';
export const LEASE_MS = 10 * 60 * 1000;

export class PublishBusyError extends Error {
  override name = 'PublishBusyError';
  constructor() {
    super('another publication is running (here or on another server); try again in a moment');
  }
}

export async function withPublishLease<T>(
  store: Store,
  work: () => Promise<T>,
  ttlMs = LEASE_MS,
): Promise<T> {
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  if (!(await store.acquireLease(PUBLISH_LEASE, holder, ttlMs))) throw new PublishBusyError();
  try {
    return await work();
  } finally {
    await store.releaseLease(PUBLISH_LEASE, holder);
  }
}
