import type { PartialDate } from '../core/schemas.ts';
import { isSafeSourceUrl } from '../core/url.ts';

// Finds an archived copy of a dead source through a Wayback-availability-compatible API
// (https://archive.org/help/wayback_api.php): GET API?url=U&timestamp=YYYYMMDD answers
// {"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/…","status":"200"}}}.
// The API is the operator's configuration (ATLAS_ARCHIVE_API), not a source URL, so it is not subject to the
// private-address policy (tests point it at a fake on 127.0.0.1).

export const DEFAULT_ARCHIVE_API = 'https://archive.org/wayback/available';

/** YYYYMMDD for a partial date (missing month or day: the first), or null when the year is unknown. */
export function waybackTimestamp(date: PartialDate | null): string | null {
  if (date === null || date.year === null) return null;
  const two = (n: number | null): string => String(n ?? 1).padStart(2, '0');
  return `${date.year}${two(date.month)}${two(date.day)}`;
}

export type ArchiveLookup = { archivedUrl: string | null; error: string | null };

export async function findArchivedCopy(
  url: string,
  date: PartialDate | null,
  opts: { api: string; timeoutMs: number },
): Promise<ArchiveLookup> {
  const query = new URL(opts.api);
  query.searchParams.set('url', url);
  const timestamp = waybackTimestamp(date);
  if (timestamp !== null) query.searchParams.set('timestamp', timestamp);
  try {
    const res = await fetch(query, {
      signal: AbortSignal.timeout(opts.timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return { archivedUrl: null, error: `the archive API answered ${res.status}` };
    const body = (await res.json()) as {
      archived_snapshots?: { closest?: { url?: unknown; available?: unknown } };
    };
    const closest = body.archived_snapshots?.closest;
    const found = closest?.url;
    if (typeof found !== 'string' || closest?.available === false) return { archivedUrl: null, error: null };
    // The answer becomes a link on the public page: only http(s) URLs.
    return isSafeSourceUrl(found)
      ? { archivedUrl: found, error: null }
      : { archivedUrl: null, error: 'the archive API gave an address that is not an http(s) URL' };
  } catch (e) {
    return { archivedUrl: null, error: `the archive API failed: ${(e as Error).message}` };
  }
}
