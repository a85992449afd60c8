import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CountryCode } from '../../core/ids.ts';
import type { Agreement, CountryNote, DatasetDocument } from '../../core/schemas.ts';
import { computeStats, type Stats } from '../../core/stats.ts';
import { type CategoryStyle, categoryStyles } from '../map/fills.ts';
import type { PageVersion } from './version.ts';
import { type UndatedPart, undatedParts, type YearDomain, yearDomain } from './years/years.ts';

// What the page knows that no reader action changes: the document, country names, and facts derived once
// from the whole dataset. Components read it from context; what readers change lives in AppState.

/** `matched` is the name or alias the query matched ("Burma" for Myanmar), shown when it differs. */
export type CountrySuggestion = { iso2: CountryCode; name: string; matched?: string };

/** Country names, regions and search, supplied by the caller (core/countries in practice). */
export type CountryLookup = {
  name(code: CountryCode): string;
  region(code: CountryCode): string | null;
  suggest(query: string, limit?: number): CountrySuggestion[];
  /** For a lookup that starts partial (see countryTable.ts): load the rest; resolves when complete. */
  complete?(): Promise<void>;
  /** For a partial lookup: whether it can name this code as the full registry would. */
  knows?(code: CountryCode): boolean;
};

export type Atlas = {
  doc: DatasetDocument;
  countries: CountryLookup;
  domain: YearDomain | null;
  totals: Stats;
  /** Colour and texture of each category, as the map draws them. */
  styles: CategoryStyle[];
  undated: UndatedPart[];
  /** Regions that have at least one partner, sorted by name. */
  regions: string[];
  /** Every agreement of each partner, whatever the filters (the panel lists them all). */
  byCountry: Map<CountryCode, Agreement[]>;
  notesByCountry: Map<CountryCode, CountryNote[]>;
  /** Countries with research notes, and those with notes or agreements (the map lists these by name). */
  notesCountries: ReadonlySet<CountryCode>;
  listedCountries: ReadonlySet<CountryCode>;
  /** The page's address without a query, for permalinks and embed code. */
  pageUrl: string;
  /** The published version this page shows (the latest on the live page), or null before any publication. */
  version: PageVersion | null;
};

function groupBy<T, K>(items: readonly T[], keys: (item: T) => readonly K[]): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    for (const k of keys(item)) {
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
  }
  return out;
}

export function createAtlas(
  doc: DatasetDocument,
  countries: CountryLookup,
  pageUrl: string,
  version: PageVersion | null = null,
): Atlas {
  const { dataset, agreements, notes } = doc;
  const byCountry = groupBy(agreements, (a) => a.partners.filter((p) => p !== dataset.focalCountry));
  const notesByCountry = groupBy(notes, (n) => [n.country]);
  const regions = new Set<string>();
  for (const code of byCountry.keys()) {
    const r = countries.region(code);
    if (r) regions.add(r);
  }
  return {
    doc,
    countries,
    domain: yearDomain(agreements),
    totals: computeStats(dataset, agreements),
    styles: categoryStyles(dataset.categories),
    undated: undatedParts(agreements, dataset.categories),
    regions: [...regions].sort((a, b) => a.localeCompare(b)),
    byCountry,
    notesByCountry,
    notesCountries: new Set(notesByCountry.keys()),
    listedCountries: new Set([...byCountry.keys(), ...notesByCountry.keys()]),
    pageUrl,
    version,
  };
}

export const AtlasContext = createContext<Atlas | null>(null);

export function useAtlas(): Atlas {
  const atlas = useContext(AtlasContext);
  if (atlas === null) throw new Error('useAtlas: render inside <AtlasContext.Provider>');
  return atlas;
}
