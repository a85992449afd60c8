import type { JSX } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CategoryId, CountryCode } from '../../core/ids.ts';
import { messages as t } from '../text.ts';
import { AboutSection } from './AboutSection.tsx';
import { AnnounceContext } from './announce.ts';
import { type Atlas, AtlasContext } from './atlas.ts';
import { Controls } from './controls/Controls.tsx';
import { LegendCards } from './controls/LegendCards.tsx';
import { type DialogName, Header } from './Header.tsx';
import { MapArea, type MapSlot } from './MapArea.tsx';
import { OffscreenLater } from './OffscreenLater.tsx';
import { ComparePanel } from './panel/ComparePanel.tsx';
import { CountryPanel } from './panel/CountryPanel.tsx';
import { indexAgreements } from './selection/agreementIndex.ts';
import { countBase } from './selection/baseCounts.ts';
import { baseFilter, selectFrom, selectionRange } from './selection/selectAgreements.ts';
import { Citation } from './share/Citation.tsx';
import { Dialog } from './share/Dialog.tsx';
import { DownloadDialog } from './share/DownloadDialog.tsx';
import { selectionNotes } from './share/downloads.ts';
import { EmbedDialog } from './share/EmbedDialog.tsx';
import { postHeightToParent } from './share/embedHeight.ts';
import { embedLink, shareLink } from './share/links.ts';
import { PrintContext } from './share/PrintContext.tsx';
import { type AppState, hasFilters, MAX_COMPARE } from './state/state.ts';
import { usePageState } from './state/usePageState.ts';
import { TableView } from './table/TableView.tsx';
import { YearChart } from './years/YearChart.tsx';

export type AppProps = {
  atlas: Atlas;
  initialState: AppState;
  /**
   * The state to go on in once mounted (without a history entry): the page first takes over the server's
   * render with the server's state, then moves to the one its address asks for.
   */
  resume?: AppState;
  /** The map (see mapView.tsx); without one the page shows a placeholder. */
  map?: MapSlot | null;
};

export function App(props: AppProps): JSX.Element {
  const { atlas } = props;
  const { doc, countries, domain } = atlas;
  const { dataset } = doc;
  const categoryIds = useMemo(
    () => ({ categories: dataset.categories.map((c) => c.id as string) }),
    [dataset],
  );
  const [state, update] = usePageState(props.initialState, categoryIds);
  useLayoutEffect(() => {
    if (props.resume) update(props.resume, 'none');
  }, [props.resume, update]);
  const [dialog, setDialog] = useState<{ name: DialogName; opener: HTMLElement } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // While the timeline plays, undated agreements stay off the map whatever the reader chose (baseFilter).
  const [playing, setPlaying] = useState(false);
  const [, setCountriesLoaded] = useState(false);
  const panelOpener = useRef<Element | null>(null);

  const filterCtx = useMemo(() => ({ nameOf: countries.name, regionOf: countries.region }), [countries]);
  // Three memoised steps (selectAgreements.ts): a category toggle reuses the base counts, a timeline step
  // makes one pass over the index, and nothing re-reads the agreement objects.
  const index = useMemo(() => indexAgreements(dataset, doc.agreements, filterCtx), [dataset, doc, filterCtx]);
  const base = useMemo(
    () => countBase(index, baseFilter(state, domain, playing)),
    [
      index,
      playing,
      state.from,
      state.to,
      state.undated,
      state.region,
      state.nonGovernmental,
      state.multilateral,
      state.status,
      domain,
    ],
  );
  const selection = useMemo(
    () => selectFrom(dataset, index, base, state.categories, selectionRange(state, domain)),
    [dataset, index, base, state.categories, state.from, state.to, domain],
  );
  const perYear = selection.perYear;

  const announce = useCallback((message: string) => {
    // Re-setting the same text would not be announced again; clearing first makes every message heard.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(message), 50);
  }, []);

  const openCountry = useCallback(
    (code: CountryCode, opener: Element | null) => {
      // From the search box there is no element to name; the focused input is where focus should return.
      panelOpener.current = opener ?? document.activeElement;
      update({ country: code });
    },
    [update],
  );

  const closeCountry = useCallback(() => {
    update({ country: null });
    const opener = panelOpener.current;
    panelOpener.current = null;
    // The opener may have been re-rendered away (a table row filtered out); then the map takes focus.
    window.setTimeout(() => {
      if (opener instanceof HTMLElement || opener instanceof SVGElement) {
        if (opener.isConnected) {
          opener.focus();
          return;
        }
      }
      document.getElementById('map')?.focus();
    }, 0);
  }, [update]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return; // the dialog closes itself
      if (state.country !== null) {
        e.preventDefault();
        closeCountry();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state.country, closeCountry]);

  useEffect(() => (state.embed ? postHeightToParent() : undefined), [state.embed]);

  // A link may name a country the page's small country table does not know: load the full registry.
  useEffect(() => {
    const codes = [state.country, ...state.compare].filter((c): c is CountryCode => c !== null);
    if (countries.knows && codes.some((c) => !countries.knows?.(c))) {
      countries.complete?.().then(() => setCountriesLoaded(true), console.error);
    }
  }, [state.country, state.compare, countries]);

  useEffect(() => {
    document.title = state.country ? `${countries.name(state.country)} · ${dataset.title}` : dataset.title;
  }, [state.country, countries, dataset]);

  const shareUrl = shareLink(atlas.pageUrl, state);
  const embedUrl = embedLink(atlas.pageUrl, state);

  const toggleCategory = (id: CategoryId): void => {
    const all = dataset.categories.map((c) => c.id);
    const shown = state.categories ?? all;
    const next = shown.includes(id)
      ? shown.filter((c) => c !== id)
      : all.filter((c) => c === id || shown.includes(c));
    update({ categories: next.length === all.length ? null : next });
  };

  const toggleCompare = (code: CountryCode): void => {
    const has = state.compare.includes(code);
    if (!has && state.compare.length >= MAX_COMPARE) return;
    update({ compare: has ? state.compare.filter((c) => c !== code) : [...state.compare, code] });
  };

  const everything = !hasFilters(state);
  // The masthead changes only with embed mode (its link to the full page then follows the filters).
  const latestShare = useRef(shareUrl);
  latestShare.current = shareUrl;
  const header = useMemo(
    () => (
      <Header
        embed={state.embed}
        fullUrl={state.embed ? shareUrl : ''}
        onOpen={(name, opener) => setDialog({ name, opener })}
        link={() => latestShare.current}
      />
    ),
    [state.embed, state.embed ? shareUrl : ''],
  );
  // The footer depends on nothing a filter changes; the same vnode lets Preact skip it on every step.
  const about = useMemo(() => <AboutSection embed={state.embed} />, [state.embed]);
  const embed = state.embed;

  return (
    <AtlasContext.Provider value={atlas}>
      <AnnounceContext.Provider value={announce}>
        <div class={`page${embed ? ' page-embed' : ''}${state.country ? ' has-panel' : ''}`}>
          <a class="skip-link" href="#stage">
            {state.view === 'table' ? t.skipToTable : t.skipToMap}
          </a>
          {header}
          <main class="main">
            <LegendCards
              cardStats={selection.cardStats}
              stats={selection.stats}
              shown={state.categories}
              onToggle={toggleCategory}
            />
            <Controls
              state={state}
              update={update}
              range={selection.range}
              undated={selection.undated}
              playing={playing}
              onPlaying={setPlaying}
              onPickCountry={(code) => openCountry(code, null)}
            />
            <PrintContext state={state} url={shareUrl} />
            <div class="stage" id="stage" tabIndex={-1}>
              {state.view === 'table' ? (
                <TableView
                  inOrder={selection.inOrder}
                  query={state.query}
                  sort={state.sort}
                  onQuery={(query, mode) => update({ query }, mode)}
                  onSort={(sort) => update({ sort })}
                  onOpenCountry={openCountry}
                />
              ) : (
                <MapArea
                  slot={props.map ?? null}
                  title={dataset.title}
                  selection={selection}
                  country={state.country}
                  compare={state.compare}
                  zoom={state.zoom}
                  onSelectCountry={openCountry}
                  onClose={closeCountry}
                  onZoom={(zoom) => update({ zoom }, 'replace')}
                />
              )}
              {state.country ? (
                <CountryPanel
                  country={state.country}
                  isVisible={selection.includes}
                  compare={state.compare}
                  onClose={closeCountry}
                  link={() => shareUrl}
                  onToggleCompare={() => state.country && toggleCompare(state.country)}
                />
              ) : null}
            </div>
            {embed ? null : (
              <div class="insights">
                <OffscreenLater value={perYear}>
                  {(drawn, ref) => <YearChart perYear={drawn} rootRef={ref} />}
                </OffscreenLater>
                <ComparePanel
                  compare={state.compare}
                  tallies={selection.tallies}
                  onAdd={toggleCompare}
                  onRemove={toggleCompare}
                  onOpenCountry={openCountry}
                />
              </div>
            )}
            <p class="sr-only" role="status">
              {announcement}
            </p>
          </main>
          {about}
          {dialog?.name === 'embed' ? (
            <EmbedDialog
              title={dataset.title}
              embedUrl={embedUrl}
              shareUrl={shareUrl}
              opener={dialog.opener}
              onClose={() => setDialog(null)}
            />
          ) : null}
          {dialog?.name === 'download' ? (
            <DownloadDialog
              doc={doc}
              agreements={selection.agreements}
              notes={selectionNotes(doc, selection.agreements, everything)}
              everything={everything}
              mapSvg={
                props.map
                  ? () =>
                      props.map!.exportSvg({
                        atlas,
                        selection,
                        country: state.country,
                        compare: state.compare,
                        zoom: state.zoom,
                      })
                  : null
              }
              opener={dialog.opener}
              onClose={() => setDialog(null)}
            />
          ) : null}
          {dialog?.name === 'cite' ? (
            <Dialog
              title={t.citeTitle}
              testid="cite-dialog"
              opener={dialog.opener}
              onClose={() => setDialog(null)}
            >
              <Citation testid="cite-dialog-text" />
            </Dialog>
          ) : null}
        </div>
      </AnnounceContext.Provider>
    </AtlasContext.Provider>
  );
}
