// The country registry: ISO 3166-1 countries with English names and UN regions, the project's alias
// table, name resolution (exact, alias, fuzzy, ambiguous, none) and search-box suggestions.
// Pure: no I/O, runs in the browser and in Node.

export type { AliasEntry } from './aliases.ts';
export { ALIASES } from './aliases.ts';
export { editDistance } from './editDistance.ts';
export { normalizeName } from './normalizeName.ts';
export {
  allCountries,
  byAlpha3,
  byNumeric,
  countryName,
  countryNames,
  getCountry,
} from './registry.ts';
export { resolveCountry, resolveMany } from './resolve.ts';
export type { Suggestion } from './suggest.ts';
export { suggestCountries } from './suggest.ts';
export type { Candidate, CountryInfo, MatchKind, Resolution } from './types.ts';
