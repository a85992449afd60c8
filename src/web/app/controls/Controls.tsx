import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { CountryCode } from '../../../core/ids.ts';
import { messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import type { UndatedSelection } from '../selection/selectAgreements.ts';
import { type AppState, activeFilters, clearFilters, hasFilters } from '../state/state.ts';
import type { UpdateState } from '../state/usePageState.ts';
import { Timeline } from '../years/Timeline.tsx';
import { rangeToState, type YearRange } from '../years/years.ts';
import { Filters } from './Filters.tsx';
import { SearchBox } from './SearchBox.tsx';

// Search, filters, timeline and the map/table switch. On a phone the filters fold behind one button, so the
// map is on the first screen; on wider screens they are always shown (the button is hidden by CSS).

export type ControlsProps = {
  state: AppState;
  update: UpdateState;
  /** The timeline's range, or null when nothing is dated. */
  range: YearRange | null;
  /** Undated agreements under the year range (left out, or drawn apart). */
  undated: UndatedSelection | null;
  playing: boolean;
  onPlaying: (playing: boolean) => void;
  onPickCountry: (code: CountryCode) => void;
};

export function Controls(props: ControlsProps): JSX.Element {
  const { domain } = useAtlas();
  const { state, update } = props;
  const [open, setOpen] = useState(false);
  return (
    <div class="controls">
      <div class="controls-row">
        <SearchBox
          label={t.searchLabel}
          placeholder={t.searchPlaceholder}
          testid="search"
          onPick={props.onPickCountry}
        />
        {state.embed ? null : (
          <button
            type="button"
            class="button filters-toggle"
            aria-expanded={open}
            aria-controls="more-filters"
            data-testid="filters-toggle"
            onClick={() => setOpen(!open)}
          >
            {t.filtersToggle(activeFilters(state))}
          </button>
        )}
      </div>
      {state.embed ? null : (
        <div id="more-filters" class={`controls-more${open ? ' is-open' : ''}`}>
          <div class="controls-row">
            <Filters
              region={state.region}
              nonGovernmental={state.nonGovernmental}
              multilateral={state.multilateral}
              status={state.status}
              onRegion={(region) => update({ region })}
              onStatus={(status) => update({ status })}
              onFlag={(flag, rule) => update({ [flag]: rule })}
            />
          </div>
          {props.range === null || domain === null ? null : (
            <Timeline
              range={props.range}
              undated={props.undated}
              showUndated={state.undated}
              playing={props.playing}
              onPlaying={props.onPlaying}
              onRange={(r, mode) => update(rangeToState(r, domain), mode)}
              onUndated={(undated) => update({ undated })}
            />
          )}
        </div>
      )}
      <div class="controls-row controls-end">
        <fieldset class="view-switch">
          <legend class="sr-only">{t.viewLabel}</legend>
          {(['map', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              class="segment"
              aria-pressed={state.view === v}
              data-testid={`view-${v}`}
              onClick={() => update({ view: v })}
            >
              {v === 'map' ? t.viewMap : t.viewTable}
            </button>
          ))}
        </fieldset>
        {hasFilters(state) ? (
          <button
            type="button"
            class="button button-quiet"
            data-testid="reset-filters"
            onClick={() => update(clearFilters)}
          >
            {t.resetFilters}
          </button>
        ) : null}
      </div>
    </div>
  );
}
