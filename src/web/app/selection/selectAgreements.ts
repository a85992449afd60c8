import { type AgreementFilter, type FilterContext, makePredicate } from '../../../core/filters.ts';
import type { CategoryId, CountryCode } from '../../../core/ids.ts';
import type { Agreement, Dataset } from '../../../core/schemas.ts';
import { type CountryTally, type Stats, statsOfGrid, talliesOfGrid } from '../../../core/stats.ts';
import type { AppState } from '../state/state.ts';
import { type PerYear, perYearOf } from '../years/countPerYear.ts';
import { effectiveRange, isFullRange, type YearDomain, type YearRange } from '../years/years.ts';
import { type AgreementIndex, indexAgreements } from './agreementIndex.ts';
import { type BaseCounts, countBase } from './baseCounts.ts';

// From page state to what the page shows, through core's filter and stats (the single source of every count,
// so the page and the read API cannot disagree under the same filter). Three steps, each memoised by the page
// on what it depends on: the index (per document), the base counts (per filter but the category toggles: one
// pass over typed arrays) and the selection (per toggles: reads only the counts).
//
// Legend cards count with every filter except the category toggles themselves: a hidden category keeps its
// number, so the card still says what pressing it would bring back.

export type Selection = {
  range: YearRange | null;
  /** The agreements that pass every filter but the category toggles. */
  readonly base: Agreement[];
  /** The agreements on the map, in the table and in the downloads. */
  readonly agreements: Agreement[];
  cardStats: Stats;
  stats: Stats;
  tallies: Map<CountryCode, CountryTally>;
  /**
   * The tallies that colour the map: while a year range is set (or the timeline plays) only dated agreements
   * in range colour a country; otherwise the same as `tallies`.
   */
  mapTallies: Map<CountryCode, CountryTally>;
  /** Undated agreements while a year range is set (null otherwise, or when there are none). */
  undated: UndatedSelection | null;
  /** The per-year chart's numbers. */
  perYear: PerYear;
  /** Whether one agreement is in the selection, without a list of them all (the panel asks for a few). */
  includes: (a: Agreement) => boolean;
  /**
   * The selection's agreements in the order of `positions` (places in the document's list of agreements):
   * the table sorts every agreement once and takes the selected ones in that order on each step.
   */
  inOrder: (positions: ArrayLike<number>) => Agreement[];
};

export type UndatedSelection = {
  /** Records of the shown categories without a signing date. */
  records: number;
  /** True: counted and drawn apart (the reader asked for them); false: left out of every count. */
  apart: boolean;
  /** Their tallies per country when drawn apart (empty when left out). */
  tallies: Map<CountryCode, CountryTally>;
};

/**
 * The core filter for a page state (without the category toggles, which `selectAgreements` applies last).
 * A year range narrower than the data's span, or a playing timeline, leaves undated agreements out unless the
 * reader shows them (`state.undated`, never while playing); the full span keeps everything.
 */
export function baseFilter(state: AppState, domain: YearDomain | null, playing = false): AgreementFilter {
  const f: AgreementFilter = {};
  if (domain !== null) {
    const r = effectiveRange(state.from, state.to, domain);
    if (!isFullRange(r, domain) || playing) {
      f.from = r.from;
      f.to = r.to;
      f.undated = state.undated && !playing;
    }
  }
  if (state.region !== null) f.regions = [state.region];
  if (state.nonGovernmental !== 'include') f.nonGovernmental = state.nonGovernmental;
  if (state.multilateral !== 'include') f.multilateral = state.multilateral;
  if (state.status !== null) f.statuses = [state.status];
  return f;
}

/** The timeline's range for a page state, or null when nothing is dated. */
export function selectionRange(
  state: Pick<AppState, 'from' | 'to'>,
  domain: YearDomain | null,
): YearRange | null {
  return domain === null ? null : effectiveRange(state.from, state.to, domain);
}

/**
 * The selection for the category toggles `shown` (null: all) from the counts of the base filter: the toggles
 * choose grid columns, so this reads no agreement. The lists of agreements are made when first read (the
 * table and the downloads read them; a filter step on the map does not).
 */
export function selectFrom(
  dataset: Pick<Dataset, 'categories'>,
  index: AgreementIndex,
  base: BaseCounts,
  shown: readonly CategoryId[] | null,
  range: YearRange | null,
): Selection {
  const shownSet = shown === null ? null : new Set<string>(shown);
  const columns = shownSet === null ? null : index.categories.map((id) => shownSet.has(id));
  let baseList: Agreement[] | null = null;
  let selected: Agreement[] | null = null;
  let passes: ((a: Agreement) => boolean) | null = null;
  const baseAgreements = (): Agreement[] => {
    if (baseList === null) {
      const passing = base.passes();
      baseList = index.agreements.filter((_, i) => passing[i] === 1);
    }
    return baseList;
  };
  const tallies = talliesOfGrid(base.grid, columns);
  let undated: UndatedSelection | null = null;
  let mapTallies = tallies;
  // A year condition is in the filter only when a range is set (baseFilter).
  if (base.undated !== null && base.filter.from !== undefined) {
    const apart = base.filter.undated === true;
    const records = statsOfGrid(dataset, base.undated, columns).agreements;
    if (records > 0) {
      const undatedTallies = apart ? talliesOfGrid(base.undated, columns) : new Map();
      undated = { records, apart, tallies: undatedTallies };
      if (apart) mapTallies = withoutTallies(tallies, undatedTallies);
    }
  }
  return {
    range,
    get base() {
      return baseAgreements();
    },
    get agreements() {
      selected ??=
        shownSet === null ? baseAgreements() : baseAgreements().filter((a) => shownSet.has(a.category));
      return selected;
    },
    cardStats: statsOfGrid(dataset, base.grid),
    stats: statsOfGrid(dataset, base.grid, columns),
    tallies,
    mapTallies,
    undated,
    perYear: perYearOf(base.perYear, dataset.categories, columns, range),
    includes: (a) => {
      passes ??= makePredicate<Agreement>(base.filter, index.ctx);
      return (shownSet === null || shownSet.has(a.category)) && passes(a);
    },
    inOrder: (positions) => {
      const passing = base.passes();
      const out: Agreement[] = [];
      for (let k = 0; k < positions.length; k++) {
        const i = positions[k]!;
        if (passing[i] === 0) continue;
        const a = index.agreements[i]!;
        if (shownSet === null || shownSet.has(a.category)) out.push(a);
      }
      return out;
    },
  };
}

/** `all` less `part` (a subset of it), per country and category; countries left with nothing dropped. */
function withoutTallies(
  all: ReadonlyMap<CountryCode, CountryTally>,
  part: ReadonlyMap<CountryCode, CountryTally>,
): Map<CountryCode, CountryTally> {
  const out = new Map<CountryCode, CountryTally>();
  for (const [country, tally] of all) {
    const minus = part.get(country);
    if (minus === undefined) {
      out.set(country, tally);
      continue;
    }
    const byCategory: Record<string, number> = {};
    let total = 0;
    for (const [c, n] of Object.entries(tally.byCategory)) {
      const left = n - (minus.byCategory[c] ?? 0);
      if (left > 0) {
        byCategory[c] = left;
        total += left;
      }
    }
    if (total > 0) out.set(country, { country, byCategory, total });
  }
  return out;
}

/** The whole way from a page state to its selection (the page memoises the steps; see App.tsx). */
export function selectAgreements(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly Agreement[],
  state: AppState,
  domain: YearDomain | null,
  ctx: FilterContext,
  playing = false,
): Selection {
  const index = indexAgreements(dataset, agreements, ctx);
  const base = countBase(index, baseFilter(state, domain, playing));
  return selectFrom(dataset, index, base, state.categories, selectionRange(state, domain));
}
