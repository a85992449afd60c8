// The page's public face: the root component, what it needs from its host (atlas, country lookup, map slot),
// and the pure logic that tests and other tools may reuse (URL state, selection, timeline, sorting).

export { App, type AppProps } from './App.tsx';
export { type Atlas, type CountryLookup, type CountrySuggestion, createAtlas } from './atlas.ts';
export {
  type CountryTable,
  countryTable,
  type LazyCountryLookup,
  lazyCountryLookup,
} from './countries/countryTable.ts';
export type { MapExportInput, MapSlot, MapViewProps } from './MapArea.tsx';
export { baseFilter, type Selection, selectAgreements } from './selection/selectAgreements.ts';
export {
  HEIGHT_MESSAGE,
  type HeightMessage,
  iframeCode,
  isHeightMessage,
  resizeScript,
} from './share/embedCode.ts';
export { embedLink, mainPageUrl, shareLink } from './share/links.ts';
export {
  type AppState,
  defaultState,
  MAX_COMPARE,
  type SortOrder,
  type ViewName,
  type Zoom,
} from './state/state.ts';
export { decodeState, encodeState } from './state/urlState.ts';
export { sortAgreements } from './table/sortAgreements.ts';
export { countPerYear, type PerYear, type YearCounts } from './years/countPerYear.ts';
export {
  effectiveRange,
  moveRangeEnd,
  playStart,
  playStep,
  rangeToState,
  undatedParts,
  type YearDomain,
  type YearRange,
  yearDomain,
} from './years/years.ts';
