import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CountryCode } from '../../../core/ids.ts';
import type { Agreement } from '../../../core/schemas.ts';
import { countOf, messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { CategoryMark } from '../CategoryMark.tsx';
import { CopyButton } from '../share/CopyButton.tsx';
import { MAX_COMPARE } from '../state/state.ts';
import { AgreementItem, SourceLinks } from './AgreementItem.tsx';
import { inDateOrder } from './panelOrder.ts';
import { SuggestButton } from './SuggestButton.tsx';

// The country's whole record: every agreement grouped by category, oldest first and undated last (those outside the current filters are
// kept but marked, so the panel never contradicts the data), the research notes, and links to share it.
// It is a region, not a modal: the map stays usable beside it; on a phone CSS turns it into a bottom sheet.

export type CountryPanelProps = {
  country: CountryCode;
  /** Whether an agreement passes the current filters. */
  isVisible: (a: Agreement) => boolean;
  compare: readonly CountryCode[];
  onClose: () => void;
  /** The permalink of the panel with the current filters. */
  link: () => string;
  onToggleCompare: () => void;
};

export function CountryPanel(props: CountryPanelProps): JSX.Element {
  const { doc, countries, byCountry, notesByCountry } = useAtlas();
  const heading = useRef<HTMLHeadingElement>(null);
  const name = countries.name(props.country);
  const agreements = byCountry.get(props.country) ?? [];
  const notes = notesByCountry.get(props.country) ?? [];
  const focal = countries.name(doc.dataset.focalCountry);
  const compared = props.compare.includes(props.country);

  // Moving focus to the heading tells a screen reader the panel opened and what it is about.
  useEffect(() => {
    heading.current?.focus();
  }, [props.country]);

  const groups = doc.dataset.categories
    .map((c, i) => ({
      category: c,
      index: i,
      items: inDateOrder(agreements.filter((a) => a.category === c.id)),
    }))
    .filter((g) => g.items.length > 0);

  return (
    <aside
      class="panel"
      aria-labelledby="panel-heading"
      data-testid="country-panel"
      data-iso2={props.country}
    >
      <div class="panel-head">
        <h2 id="panel-heading" class="panel-title" tabIndex={-1} ref={heading}>
          {name}
        </h2>
        <button
          type="button"
          class="icon-button"
          aria-label={t.close}
          data-testid="panel-close"
          onClick={props.onClose}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      {groups.length > 0 ? (
        <p class="panel-counts" data-testid="panel-counts">
          {groups.map((g) => (
            <span key={g.category.id} class="panel-count" data-category={g.category.id}>
              <CategoryMark category={g.category.id} size={12} />
              {countOf(g.category.label, g.items.length)}
            </span>
          ))}
        </p>
      ) : (
        <p class="muted">{t.panelEmpty(focal)}</p>
      )}
      <div class="panel-actions">
        <CopyButton
          text={props.link}
          label={t.permalink}
          testid="panel-permalink"
          class="button button-small"
        />
        <button
          type="button"
          class="button button-small"
          aria-pressed={compared}
          disabled={!compared && props.compare.length >= MAX_COMPARE}
          data-testid="panel-compare"
          onClick={props.onToggleCompare}
        >
          {t.compareAdd}
        </button>
        <SuggestButton country={props.country} />
      </div>
      <div class="panel-body">
        {groups.map((g) => (
          <section key={g.category.id} class="panel-group" data-category={g.category.id}>
            <h3 class="panel-group-title">
              <CategoryMark category={g.category.id} />
              {g.category.label}
            </h3>
            <ol class="agreements">
              {g.items.map((a) => (
                <AgreementItem key={a.id} agreement={a} hidden={!props.isVisible(a)} />
              ))}
            </ol>
          </section>
        ))}
        {notes.length > 0 ? (
          <section class="panel-group">
            <h3 class="panel-group-title">{t.panelNotes}</h3>
            <ul class="notes">
              {notes.map((n) => (
                <li key={n.id} class="note">
                  <p>{n.text}</p>
                  <SourceLinks sources={n.sources} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </aside>
  );
}
