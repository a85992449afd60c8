import { type AgreementFilter, type FilterContext, makePredicate } from '../../core/filters.ts';
import type { CountryCode } from '../../core/ids.ts';
import type { Agreement, Dataset } from '../../core/schemas.ts';
import { type CountryTally, computeStats, type Stats, tallyByCountry } from '../../core/stats.ts';
import type { AppState } from './state.ts';
import { effectiveRange, isFullRange, type YearDomain, type YearRange } from './years.ts';

// From page state to what the page shows, through core's filter and stats (the single source of every count,
// so the page and the read API cannot disagree under the same filter).
//
// Legend cards count with every filter except the category toggles themselves: a hidden category keeps its
// number, so the card still says what pressing it would bring back.

export type Selection = {
  range: YearRange | null;
  /** The agreements that pass every filter but the category toggles. */
  base: Agreement[];
  /** The agreements on the map, in the table and in the downloads. */
  agreements: Agreement[];
  cardStats: Stats;
  stats: Stats;
  tallies: Map<CountryCode, CountryTally>;
  /** Whether one agreement is in the selection, without a set of them all (the panel asks for a few). */
  includes: (a: Agreement) => boolean;
};

/** The core filter for a page state (without the category toggles, which `selectAgreements` applies last). */
export function baseFilter(state: AppState, domain: YearDomain | null): AgreementFilter {
  const f: AgreementFilter = { undated: state.undated };
  if (domain !== null) {
    const r = effectiveRange(state.from, state.to, domain);
    // With the full span and undated kept there is nothing to filter; with undated excluded the span
    // must be explicit, since core only looks at `undated` when a range is set.
    if (!isFullRange(r, domain) || !state.undated) {
      f.from = r.from;
      f.to = r.to;
    }
  }
  if (state.region !== null) f.regions = [state.region];
  if (state.nonGovernmental !== 'include') f.nonGovernmental = state.nonGovernmental;
  if (state.multilateral !== 'include') f.multilateral = state.multilateral;
  return f;
}

export function selectAgreements(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly Agreement[],
  state: AppState,
  domain: YearDomain | null,
  ctx: FilterContext,
): Selection {
  const passes = makePredicate<Agreement>(baseFilter(state, domain), ctx);
  const base = agreements.filter(passes);
  const shown = state.categories === null ? null : new Set<string>(state.categories);
  const selected = shown === null ? base : base.filter((a) => shown.has(a.category));
  return {
    range: domain === null ? null : effectiveRange(state.from, state.to, domain),
    base,
    agreements: selected,
    cardStats: computeStats(dataset, base),
    stats: computeStats(dataset, selected),
    tallies: tallyByCountry(dataset, selected),
    includes: (a) => (shown === null || shown.has(a.category)) && passes(a),
  };
}
