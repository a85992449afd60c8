import type { JSX } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { filterAgreements } from '../../../core/filters.ts';
import type { CountryCode } from '../../../core/ids.ts';
import { messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { CategoryMark } from '../CategoryMark.tsx';
import { AgreementDate, SourceLinks } from '../panel/AgreementItem.tsx';
import { SuggestButton } from '../panel/SuggestButton.tsx';
import type { Selection } from '../selection/selectAgreements.ts';
import type { SortKey, SortOrder } from '../state/state.ts';
import type { HistoryMode } from '../state/usePageState.ts';
import { sortOrder } from './sortAgreements.ts';

// Every agreement in the current selection as a real <table>: the non-visual alternative to the map.
// Past VIRTUAL_FROM rows only the rows in view are in the DOM (fixed row height, spacer rows above and
// below); aria-rowcount and aria-rowindex keep the true size known to assistive technology.

export type TableViewProps = {
  /** The current selection's agreements in a given order (Selection.inOrder). */
  inOrder: Selection['inOrder'];
  query: string;
  sort: SortOrder;
  onQuery: (q: string, mode: HistoryMode) => void;
  onSort: (order: SortOrder) => void;
  onOpenCountry: (code: CountryCode, opener: HTMLElement) => void;
};

export const VIRTUAL_FROM = 500;
const ROW_HEIGHT = 72;
const VIEWPORT_ROWS = 12;
const OVERSCAN = 6;

export function visibleWindow(scrollTop: number, total: number): { start: number; end: number } {
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(total, first + VIEWPORT_ROWS + OVERSCAN);
  return { start, end };
}

export function TableView(props: TableViewProps): JSX.Element {
  const { doc, countries } = useAtlas();
  const id = useId();
  const [scrollTop, setScrollTop] = useState(0);
  const typing = useRef(false);
  const categories = doc.dataset.categories;
  const catIndex = useMemo(() => new Map(categories.map((c, i) => [c.id as string, i])), [categories]);

  // Every agreement is sorted once per order; a filter step only takes the selected ones in that order (the
  // order is total, so filtering after sorting gives what sorting after filtering gives).
  const order = useMemo(
    () =>
      sortOrder(doc.agreements, props.sort, {
        nameOf: countries.name,
        categories: categories.map((c) => c.id),
      }),
    [doc, props.sort, countries, categories],
  );
  const selected = useMemo(() => props.inOrder(order), [order, props.inOrder]);
  const rows = useMemo(
    () =>
      props.query.trim()
        ? filterAgreements(selected, { text: props.query }, { nameOf: countries.name })
        : selected,
    [selected, props.query, countries],
  );

  const virtual = rows.length > VIRTUAL_FROM;
  const win = virtual ? visibleWindow(scrollTop, rows.length) : { start: 0, end: rows.length };
  const focal = doc.dataset.focalCountry;

  const header = (key: SortKey | null, label: string): JSX.Element => {
    if (key === null) return <th scope="col">{label}</th>;
    const active = props.sort.key === key;
    const dir = active ? (props.sort.descending ? 'descending' : 'ascending') : 'none';
    return (
      <th scope="col" aria-sort={dir}>
        <button
          type="button"
          class="sort"
          data-testid={`table-sort-${key}`}
          onClick={() => props.onSort({ key, descending: active ? !props.sort.descending : false })}
        >
          {label}
          <svg class="sort-icon" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
            <path d="M5 1 8.5 5h-7z" fill="currentColor" opacity={dir === 'ascending' ? 1 : 0.3} />
            <path d="M5 11 8.5 7h-7z" fill="currentColor" opacity={dir === 'descending' ? 1 : 0.3} />
          </svg>
        </button>
      </th>
    );
  };

  return (
    <div class="table-view" data-testid="table-view">
      <div class="control table-search">
        <label class="control-label" for={`${id}-q`}>
          {t.tableSearch}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          class="input"
          placeholder={t.tableSearchPlaceholder}
          value={props.query}
          data-testid="table-search"
          onInput={(e) => {
            props.onQuery(e.currentTarget.value, typing.current ? 'replace' : 'push');
            typing.current = true;
          }}
          onBlur={() => {
            typing.current = false;
          }}
        />
      </div>
      <section
        class={`table-scroll${virtual ? ' table-virtual' : ''}`}
        onScroll={virtual ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        aria-labelledby={`${id}-caption`}
      >
        <table class="table" data-testid="table" aria-rowcount={virtual ? rows.length + 1 : undefined}>
          <caption id={`${id}-caption`} class="table-caption" aria-live="polite">
            {t.tableCaption(rows.length, selected.length)}
          </caption>
          <thead>
            <tr aria-rowindex={virtual ? 1 : undefined}>
              {header('country', t.columns.country)}
              {header('category', t.columns.category)}
              {header('date', t.columns.date)}
              {header(null, t.columns.summary)}
              {header(null, t.columns.sources)}
            </tr>
          </thead>
          <tbody>
            {virtual && win.start > 0 ? (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable
              <tr class="spacer" aria-hidden="true">
                <td colSpan={5} style={{ height: `${win.start * ROW_HEIGHT}px` }} />
              </tr>
            ) : null}
            {rows.slice(win.start, win.end).map((a, i) => {
              const ci = catIndex.get(a.category) ?? 0;
              const cat = categories[ci];
              return (
                <tr key={a.id} data-agreement={a.id} aria-rowindex={virtual ? win.start + i + 2 : undefined}>
                  <th scope="row" class="cell-country">
                    {a.partners
                      .filter((p) => p !== focal)
                      .map((p) => (
                        <button
                          key={p}
                          type="button"
                          class="link-button"
                          data-iso2={p}
                          onClick={(e) => props.onOpenCountry(p, e.currentTarget)}
                        >
                          {countries.name(p)}
                        </button>
                      ))}
                  </th>
                  <td class="cell-category">
                    {cat ? (
                      <>
                        <CategoryMark category={cat.id} size={12} /> {cat.shortLabel}
                      </>
                    ) : (
                      a.category
                    )}
                  </td>
                  <td class="cell-date">
                    <AgreementDate agreement={a} />
                    {a.status !== 'unknown' ? (
                      <span class="badge cell-status" data-status={a.status}>
                        {t.status[a.status]}
                      </span>
                    ) : null}
                  </td>
                  <td class="cell-summary">
                    <div class="clamp">{a.summary || a.title}</div>
                  </td>
                  <td class="cell-sources">
                    <div class="clamp">
                      <SourceLinks sources={a.sources} />
                    </div>
                    {a.partners[0] ? (
                      <SuggestButton
                        country={a.partners.find((p) => p !== focal) ?? a.partners[0]}
                        agreementId={a.id}
                        compact
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
            {virtual && win.end < rows.length ? (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable
              <tr class="spacer" aria-hidden="true">
                <td colSpan={5} style={{ height: `${(rows.length - win.end) * ROW_HEIGHT}px` }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {rows.length === 0 ? <p class="muted table-empty">{t.tableEmpty}</p> : null}
      </section>
    </div>
  );
}
