import type { CountryCode } from '../../../core/ids.ts';
import type { DatasetDocument } from '../../../core/schemas.ts';
import type { CountryLookup, CountrySuggestion } from '../atlas.ts';

// The country registry (names, aliases, regions of every country) is the heaviest part of a first load that
// needs little of it: before anyone searches, the page only names the focal country, the partners and the
// countries with research notes. The server puts those few in the page as a small table; the full registry
// loads when a reader starts searching (or a link names a country outside the table).

/** iso2 -> [name, region] */
export type CountryTable = Record<string, [name: string, region: string | null]>;

export function countryTable(doc: DatasetDocument, lookup: CountryLookup): CountryTable {
  const codes = new Set<CountryCode>([doc.dataset.focalCountry]);
  for (const a of doc.agreements) for (const p of a.partners) codes.add(p);
  for (const n of doc.notes) codes.add(n.country);
  const table: CountryTable = {};
  for (const c of [...codes].sort()) table[c] = [lookup.name(c), lookup.region(c)];
  return table;
}

/** A lookup that answers from the table until the full registry has loaded, and from the registry after. */
export type LazyCountryLookup = CountryLookup & {
  /** Loads the full registry (once); resolves when names and suggestions are complete. */
  complete: () => Promise<void>;
  isComplete: () => boolean;
  /** Whether the lookup can name this code without the full registry. */
  knows: (code: CountryCode) => boolean;
};

const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
// The map asks for every unit's name on every filter step, and Intl.DisplayNames is slow to ask.
const fallbackNames = new Map<string, string>();

function fallbackName(code: string): string {
  let name = fallbackNames.get(code);
  if (name === undefined) {
    try {
      name = displayNames.of(code) ?? code;
    } catch {
      name = code;
    }
    fallbackNames.set(code, name);
  }
  return name;
}

export function lazyCountryLookup(
  table: CountryTable,
  load: () => Promise<CountryLookup>,
): LazyCountryLookup {
  let full: CountryLookup | null = null;
  let loading: Promise<void> | null = null;
  const entries = Object.entries(table);
  return {
    name: (code) => full?.name(code) ?? table[code]?.[0] ?? fallbackName(code),
    region: (code) => (full ? full.region(code) : (table[code]?.[1] ?? null)),
    suggest: (query, limit = 8): CountrySuggestion[] => {
      if (full) return full.suggest(query, limit);
      // Until the registry is here, the table's names that begin with the query (no aliases yet).
      const q = query.trim().toLowerCase();
      if (q === '') return [];
      return entries
        .filter(([, [name]]) => name.toLowerCase().startsWith(q))
        .slice(0, limit)
        .map(([iso2, [name]]) => ({ iso2: iso2 as CountryCode, name }));
    },
    complete: () => {
      loading ??= load().then((lookup) => {
        full = lookup;
      });
      return loading;
    },
    isComplete: () => full !== null,
    knows: (code) => full !== null || code in table,
  };
}
