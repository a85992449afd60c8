import type { JSX } from 'preact';
import { formatPartialDate, messages as t } from '../text.ts';
import { useAtlas } from './atlas.ts';
import { freshnessOf } from './freshness.ts';

// The header's freshness line ("Data as of March 2017" / "Latest agreement: March 2017"): its own small
// element, so a line about the published version can stand next to it.

export function Freshness(): JSX.Element | null {
  const { doc } = useAtlas();
  const f = freshnessOf(doc);
  if (f === null) return null;
  const date = formatPartialDate(f.date);
  return (
    <p class="meta freshness" data-testid="data-as-of">
      {f.kind === 'dataAsOf' ? t.dataAsOf : t.latestAgreement} <time dateTime={f.iso}>{date}</time>
    </p>
  );
}
