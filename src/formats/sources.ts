import type { Source } from '../core/schemas.ts';
import { checkSourceUrl } from '../core/url.ts';
import type { Problems } from './problems.ts';

export function newSource(url: string, title = ''): Source {
  return { url, title, archivedUrl: null, lastChecked: null, httpStatus: null };
}

/** Checks each URL; unsafe or relative ones are errors at the given place and are left out. */
export function checkedSources(
  urls: readonly string[],
  titles: readonly string[],
  line: number | null,
  column: string | null,
  problems: Problems,
): Source[] {
  const out: Source[] = [];
  urls.forEach((raw, i) => {
    const check = checkSourceUrl(raw);
    if (check.ok) out.push(newSource(check.url, titles[i] ?? ''));
    else problems.error(line, column, `${check.reason}. Every source must be a full web address (https://…)`);
  });
  return out;
}
