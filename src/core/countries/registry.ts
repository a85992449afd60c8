// The package's Node entry registers all 78 locales (~60 ms at start-up); its browser entry registers none.
// Importing the browser entry everywhere gives Node and the bundle the same English-only registry.
import i18n from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { CountryCode } from '../ids.ts';
import { COMMON_NAMES } from './commonNames.ts';
import { COUNTRY_FACTS } from './regions.generated.ts';
import type { CountryInfo } from './types.ts';

type Registry = {
  byIso2: Map<string, CountryInfo>;
  byIso3: Map<string, CountryInfo>;
  byNumeric: Map<string, CountryInfo>;
  names: Map<string, readonly string[]>;
  all: readonly CountryInfo[];
};

let registry: Registry | undefined;

// Checked here rather than with CountryCodeSchema: zod would be most of the map page's country bundle.
function brand(a2: string): CountryCode {
  if (!/^[A-Z]{2}$/.test(a2)) throw new Error(`i18n-iso-countries gave "${a2}" as an alpha-2 code`);
  return a2 as CountryCode;
}

function build(): Registry {
  i18n.registerLocale(en);
  const englishNames = i18n.getNames('en', { select: 'all' });
  const byIso2 = new Map<string, CountryInfo>();
  const byIso3 = new Map<string, CountryInfo>();
  const byNumeric = new Map<string, CountryInfo>();
  const names = new Map<string, readonly string[]>();
  for (const [a2, a3] of Object.entries(i18n.getAlpha2Codes())) {
    const isoNames = englishNames[a2] ?? [];
    const facts = COUNTRY_FACTS[a2];
    const name = COMMON_NAMES[a2] ?? isoNames[0] ?? a2;
    const info: CountryInfo = Object.freeze({
      iso2: brand(a2),
      iso3: a3,
      numeric: i18n.alpha2ToNumeric(a2) ?? '',
      name,
      region: facts?.[0] ?? null,
      subregion: facts?.[1] ?? null,
    });
    byIso2.set(a2, info);
    byIso3.set(a3, info);
    if (info.numeric !== '') byNumeric.set(info.numeric, info);
    const official = facts?.[2];
    names.set(a2, Object.freeze([...new Set([name, ...isoNames, ...(official ? [official] : [])])]));
  }
  const all = Object.freeze([...byIso2.values()].sort((a, b) => (a.iso2 < b.iso2 ? -1 : 1)));
  return { byIso2, byIso3, byNumeric, names, all };
}

function reg(): Registry {
  registry ??= build();
  return registry;
}

/** The country with this ISO alpha-2 code (any case), or undefined. */
export function getCountry(code: string): CountryInfo | undefined {
  return reg().byIso2.get(code.trim().toUpperCase());
}

/** Every ISO 3166-1 country and territory (plus Kosovo, XK), in alpha-2 order. */
export function allCountries(): CountryInfo[] {
  return [...reg().all];
}

/** The short English name readers expect ("United States", "Iran"); an unknown code is returned as given. */
export function countryName(code: string): string {
  return getCountry(code)?.name ?? code;
}

/** The country with this ISO alpha-3 code (any case), or undefined. */
export function byAlpha3(a3: string): CountryInfo | undefined {
  return reg().byIso3.get(a3.trim().toUpperCase());
}

/** The country with this ISO numeric code ("356", "4" or 356), or undefined. */
export function byNumeric(n: string | number): CountryInfo | undefined {
  const s = String(n).trim();
  if (!/^\d{1,3}$/.test(s)) return undefined;
  return reg().byNumeric.get(s.padStart(3, '0'));
}

/** All English names of a country: the common name first, then the ISO and official names. */
export function countryNames(code: string): readonly string[] {
  return reg().names.get(code.trim().toUpperCase()) ?? [];
}

/** The registry's code for an alpha-2 code; throws, naming it, for a code the registry does not hold. */
export function knownCode(code: string): CountryCode {
  const info = getCountry(code);
  if (info === undefined)
    throw new Error(`"${code}" is not an ISO 3166-1 alpha-2 code in the country registry`);
  return info.iso2;
}
