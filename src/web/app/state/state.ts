import type { FlagRule } from '../../../core/filters.ts';
import type { CategoryId, CountryCode } from '../../../core/ids.ts';
import type { Status } from '../../../core/schemas.ts';

// Everything a reader can change on the page. It lives in the URL (see urlState.ts), so a link, a reload and
// the Back button all restore the same view.

export type ViewName = 'map' | 'table';

export type SortKey = 'country' | 'category' | 'date';
export type SortOrder = { key: SortKey; descending: boolean };

/** The map's zoom transform (scale k, translation x/y in map units). */
export type Zoom = { k: number; x: number; y: number };

export type AppState = {
  /** The country whose panel is open. */
  country: CountryCode | null;
  /** Categories shown; null means all of them (so a category added later is shown too). */
  categories: CategoryId[] | null;
  /** Inclusive signing-year range; null ends are open. */
  from: number | null;
  to: number | null;
  /**
   * Show undated agreements while the year range is narrower than the data's span: counted, and drawn apart
   * on the map (never coloured as if dated). Off by default; at the full span they are always in.
   */
  undated: boolean;
  region: string | null;
  nonGovernmental: FlagRule;
  multilateral: FlagRule;
  /** Only agreements with this status; null: any status. */
  status: Status | null;
  view: ViewName;
  zoom: Zoom | null;
  compare: CountryCode[];
  /** Free-text search of the table. */
  query: string;
  sort: SortOrder;
  /** Minimal chrome for an iframe in another site. */
  embed: boolean;
};

export const MAX_COMPARE = 3;

/** The statuses the page's filter offers (core's StatusSchema, listed here to keep zod out of the page). */
export const STATUSES: readonly Status[] = [
  'in-force',
  'signed',
  'under-negotiation',
  'terminated',
  'unknown',
];

export const DEFAULT_SORT: SortOrder = { key: 'country', descending: false };

export function defaultState(): AppState {
  return {
    country: null,
    categories: null,
    from: null,
    to: null,
    undated: false,
    region: null,
    nonGovernmental: 'include',
    multilateral: 'include',
    status: null,
    view: 'map',
    zoom: null,
    compare: [],
    query: '',
    sort: { ...DEFAULT_SORT },
    embed: false,
  };
}

/** How many filters narrow the data, the category toggles included (the years count as one). */
export function activeFilters(s: AppState): number {
  return [
    s.categories !== null,
    s.from !== null || s.to !== null,
    s.region !== null,
    s.nonGovernmental !== 'include',
    s.multilateral !== 'include',
    s.status !== null,
  ].filter(Boolean).length;
}

/** True when any filter narrows the data (the reset button shows then). */
export function hasFilters(s: AppState): boolean {
  return activeFilters(s) > 0;
}

export function clearFilters(s: AppState): AppState {
  const d = defaultState();
  return {
    ...s,
    categories: d.categories,
    from: d.from,
    to: d.to,
    undated: d.undated,
    region: d.region,
    nonGovernmental: d.nonGovernmental,
    multilateral: d.multilateral,
    status: d.status,
  };
}
