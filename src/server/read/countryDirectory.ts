import { allCountries, countryName, getCountry } from '../../core/countries/index.ts';
import type { CountryInfo } from '../../core/countries/types.ts';
import type { FilterContext } from '../../core/filters.ts';

// The server's view of the country registry: lookups for routes, names and regions for core's filters.

export type CountryDirectory = {
  lookup(code: string): CountryInfo | null;
  /** Regions that exist in the registry, sorted. */
  regions(): string[];
  filterContext: FilterContext;
};

let regionList: string[] | undefined;

export const countryDirectory: CountryDirectory = {
  lookup: (code) => getCountry(code) ?? null,
  regions: () => {
    regionList ??= [...new Set(allCountries().flatMap((c) => (c.region === null ? [] : [c.region])))].sort();
    return regionList;
  },
  filterContext: {
    nameOf: (code) => countryName(code),
    regionOf: (code) => getCountry(code)?.region ?? null,
  },
};
