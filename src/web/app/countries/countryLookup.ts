import { countryName, getCountry, suggestCountries } from '../../../core/countries/index.ts';
import type { CountryLookup } from '../atlas.ts';

// The page's country names, regions and search, from core's registry (the same one the importer resolves
// names with, so the search box knows the same aliases: "Burma", "UK", "South Korea").

export function coreCountryLookup(): CountryLookup {
  return {
    name: countryName,
    region: (code) => getCountry(code)?.region ?? null,
    suggest: (query, limit) => suggestCountries(query, limit),
  };
}
