import type { JSX } from 'preact';
import { datePrecision, formatPartialIso } from '../../../core/partialDate.ts';
import type { Agreement, Source } from '../../../core/schemas.ts';
import { isBrokenSource } from '../../../core/sourceHealth.ts';
import { formatList, formatPartialDate, formatTimestamp, messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';

// One agreement as the panel and the comparison show it: the date as precise as it is known (with the
// researcher's original text when that says more), summary, badges, and its sources.

function sourceLabel(s: Source, n: number): string {
  if (s.title.trim() !== '') return s.title.trim();
  try {
    const u = new URL(s.url);
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '');
    const host = u.hostname.replace(/^www\./, '');
    return last && last.length <= 40 ? `${host} · ${last}` : host;
  } catch {
    return t.sourceFallback(n);
  }
}

export function AgreementDate(props: { agreement: Agreement }): JSX.Element {
  const d = props.agreement.date;
  if (datePrecision(d) === 'unknown') {
    return (
      <span class="date date-unknown">
        {t.dateUnknown}
        {d.text ? ` (${t.dateAsWritten(d.text)})` : null}
      </span>
    );
  }
  return (
    <time class="date" dateTime={formatPartialIso(d)}>
      {formatPartialDate(d)}
    </time>
  );
}

export function SourceLinks(props: { sources: readonly Source[] }): JSX.Element | null {
  if (props.sources.length === 0) return null;
  return (
    <ul class="sources" aria-label={t.sources}>
      {props.sources.map((s, i) => (
        <li key={s.url} data-broken={isBrokenSource(s) ? 'true' : undefined}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {sourceLabel(s, i + 1)}
            <span class="sr-only"> {t.newTab}</span>
          </a>
          {isBrokenSource(s) ? (
            <>
              {' · '}
              <span class="source-broken" data-testid="source-broken">
                {t.sourceBroken(s.httpStatus ?? 0)}
              </span>
            </>
          ) : null}
          {s.archivedUrl ? (
            <>
              {' · '}
              <a href={s.archivedUrl} target="_blank" rel="noopener noreferrer">
                {t.archivedCopy}
                <span class="sr-only"> {t.newTab}</span>
              </a>
            </>
          ) : null}
          {s.lastChecked ? (
            <span class="source-checked" data-testid="source-checked">
              {' · '}
              {t.sourceChecked(formatTimestamp(s.lastChecked))}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function AgreementItem(props: { agreement: Agreement; hidden: boolean }): JSX.Element {
  const { countries, doc } = useAtlas();
  const a = props.agreement;
  const others = a.partners.filter((p) => p !== doc.dataset.focalCountry);
  const badges = [
    a.flags.nonGovernmental ? t.badgeNonGovernmental : null,
    a.flags.multilateral ? t.badgeMultilateral : null,
    a.flags.mentionsOnly ? t.badgeMentionsOnly : null,
    a.status !== 'unknown' ? t.status[a.status] : null,
  ].filter((b): b is string => b !== null);
  return (
    <li class={`agreement${props.hidden ? ' agreement-hidden' : ''}`} data-agreement={a.id}>
      <p class="agreement-meta">
        <AgreementDate agreement={a} />
        {props.hidden ? <span class="muted"> · {t.panelHiddenByFilters}</span> : null}
      </p>
      {a.title ? <p class="agreement-title">{a.title}</p> : null}
      {others.length > 1 ? (
        <p class="agreement-partners">{t.withPartners(formatList(others.map((p) => countries.name(p))))}</p>
      ) : null}
      {a.summary ? <p class="agreement-summary">{a.summary}</p> : null}
      {badges.length > 0 ? (
        <ul class="badges">
          {badges.map((b) => (
            <li key={b} class="badge">
              {b}
            </li>
          ))}
        </ul>
      ) : null}
      <SourceLinks sources={a.sources} />
    </li>
  );
}
