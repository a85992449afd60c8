import type { Source } from './schemas.ts';

// What a link check left on a source, read the same way by the editor, the page and the CLI.
// `httpStatus` 0 means the check got no usable answer (timeout, refused connection, unknown host, a redirect
// loop or more than 5 redirects).

export const NO_ANSWER = 0;

/** A source whose last check found it gone: no answer, or an HTTP error status. Unchecked sources are not. */
export function isBrokenSource(s: Pick<Source, 'httpStatus' | 'lastChecked'>): boolean {
  if (s.lastChecked === null || s.httpStatus === null) return false;
  return s.httpStatus === NO_ANSWER || s.httpStatus >= 400;
}

/** The day part of an ISO timestamp ("2026-12-06"), for "checked DATE". */
export function checkedDay(lastChecked: string): string {
  return lastChecked.slice(0, 10);
}
