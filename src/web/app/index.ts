// The page's public face: the root component, what it needs from its host (atlas, country lookup, map slot),
// and the pure logic that tests and other tools may reuse (URL state, selection, timeline, sorting).

export { App, type AppProps } from './App.tsx';
export { type Atlas, type CountryLookup, type CountrySuggestion, createAtlas } from './atlas.ts';
export { countPerYear, type PerYear, type YearCounts } from './countPerYear.ts';
export {
  type CountryTable,
  countryTable,
  type LazyCountryLookup,
  lazyCountryLookup,
} from './countryTable.ts';
export {
  HEIGHT_MESSAGE,
  type HeightMessage,
  iframeCode,
  isHeightMessage,
  resizeScript,
} from './embedCode.ts';
export { embedLink, mainPageUrl, shareLink } from './links.ts';
export type { MapExportInput, MapSlot, MapViewProps } from './MapArea.tsx';
export { baseFilter, type Selection, selectAgreements } from './selectAgreements.ts';
export { sortAgreements } from './sortAgreements.ts';
export {
  type AppState,
  defaultState,
  MAX_COMPARE,
  type SortOrder,
  type ViewName,
  type Zoom,
} from './state.ts';
export { decodeState, encodeState } from './urlState.ts';
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
} from './years.ts';
