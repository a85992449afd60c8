// Which published version a page belongs to, as the server or the bake put it in the page (#atlas-version).
// The live page names the latest version; a frozen page (/v/N/) its own number and links to the latest.

export type PageVersion = {
  number: number;
  publishedAt: string;
  /** True on a frozen page (/v/N/), which never changes afterwards. */
  frozen: boolean;
  /** The version's frozen page, the live page and the change log, relative to this page. */
  frozenHref: string;
  latestHref: string;
  changesHref: string;
};

export function looksLikeVersion(value: unknown): value is PageVersion {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<PageVersion>;
  return (
    typeof v.number === 'number' &&
    typeof v.publishedAt === 'string' &&
    typeof v.frozen === 'boolean' &&
    typeof v.frozenHref === 'string' &&
    typeof v.latestHref === 'string' &&
    typeof v.changesHref === 'string'
  );
}

/** A link of the version resolved against the page's address; left relative when the address is unknown. */
export function versionUrl(href: string, pageUrl: string): string {
  if (!pageUrl) return href;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return href;
  }
}
