// Only absolute http(s) URLs may become links: `javascript:`, `data:`, relative and other schemes are refused,
// because every source URL ends up in an <a href> on the public page.

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkSourceUrl(raw: string): UrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'the URL is empty' };
  if (/\s/.test(text)) return { ok: false, reason: `"${text}" contains spaces; put one URL per source` };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return {
      ok: false,
      reason: `"${text}" is not an absolute URL; write it in full, starting with https:// or http://`,
    };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return { ok: false, reason: `"${scheme}:" URLs are not allowed; only http:// and https:// links are` };
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, reason: `"${text}" is not a valid URL` };
  }
  if (parsed.hostname === '') return { ok: false, reason: `"${text}" has no host name` };
  return { ok: true, url: text };
}

export function isSafeSourceUrl(raw: string): boolean {
  return checkSourceUrl(raw).ok;
}

/** Splits a cell that may hold several URLs (separated by spaces, commas, semicolons or new lines). */
export function splitUrls(cell: string): string[] {
  return cell
    .split(/[\s,;]+(?=[a-z][a-z0-9+.-]*:)|\s+/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
