import type { CountryCode } from '../ids.ts';
import { ALIASES } from './aliases.ts';
import { editDistance } from './editDistance.ts';
import { editLimit } from './fuzzyMatch.ts';
import { normalizeName } from './normalizeName.ts';
import { COUNTRY_FACTS } from './regions.generated.ts';
import { allCountries, countryName, countryNames, knownCode } from './registry.ts';

export type Suggestion = {
  iso2: CountryCode;
  /** The country's common name, to show. */
  name: string;
  /** The name or alias the query matched ("Burma" for Myanmar), to show beside it when it differs. */
  matched: string;
};

/** rank: 0 the common name, 1 another ISO name or an alias, 2 a formal name ("Independent State of Samoa"). */
type Searchable = { iso2: CountryCode; label: string; key: string; rank: number };

let searchables: Searchable[] | undefined;

function build(): Searchable[] {
  const out: Searchable[] = [];
  for (const c of allCountries()) {
    const official = COUNTRY_FACTS[c.iso2]?.[2];
    for (const [i, label] of countryNames(c.iso2).entries()) {
      const rank = i === 0 ? 0 : label === official ? 2 : 1;
      out.push({ iso2: c.iso2, label, key: normalizeName(label), rank });
    }
  }
  for (const alias of ALIASES) {
    if (alias.iso2 === null) continue; // a dissolved country or a region is no place to pick
    const iso2 = knownCode(alias.iso2);
    for (const label of alias.names) out.push({ iso2, label, key: normalizeName(label), rank: 1 });
  }
  return out;
}

/** 0 best: the whole name; 1 its beginning; 2 the beginning of a later word; 3 each word's beginning. */
function score(key: string, q: string): number | undefined {
  if (key === q) return 0;
  if (key.startsWith(q)) return 1;
  if (` ${key}`.includes(` ${q}`)) return 2;
  const words = key.split(' ');
  if (q.split(' ').every((w) => words.some((k) => k.startsWith(w)))) return 3;
  return undefined;
}

type Ranked = { s: Searchable; score: number };

function better(a: Ranked, b: Ranked): number {
  return (
    a.score - b.score ||
    a.s.rank - b.s.rank ||
    a.s.label.length - b.s.label.length ||
    (a.s.label < b.s.label ? -1 : a.s.label > b.s.label ? 1 : 0)
  );
}

/**
 * Countries for a search box, best first: names and aliases that begin with the query or have a word
 * that does ("bur" finds Burundi, Burkina Faso and Myanmar as "Burma"); accents and case do not matter; when
 * nothing does, names a typo away ("Phillipines").
 */
export function suggestCountries(query: string, limit = 8): Suggestion[] {
  // The last word is still being typed: "is" may become "Israel", so it is tried unexpanded too.
  const queries = [...new Set([normalizeName(query), normalizeName(query, false)])].filter((q) => q !== '');
  if (queries.length === 0 || limit <= 0) return [];
  searchables ??= build();
  const best = new Map<CountryCode, Ranked>();
  const keep = (r: Ranked): void => {
    const seen = best.get(r.s.iso2);
    if (seen === undefined || better(r, seen) < 0) best.set(r.s.iso2, r);
  };
  const code = query.trim().toUpperCase();
  if (/^[A-Z]{2,3}$/.test(code)) {
    const c = allCountries().find((x) => x.iso2 === code || x.iso3 === code);
    if (c) keep({ s: { iso2: c.iso2, label: code, key: code, rank: 0 }, score: 0 });
  }
  for (const s of searchables) {
    for (const q of queries) {
      const sc = score(s.key, q);
      if (sc !== undefined) keep({ s, score: sc });
    }
  }
  // Nothing begins with it: perhaps a typo ("Phillipines"). Names a few edits away, closest first, after any
  // real match; a short name keeps its first letter, as typos do.
  const q = queries[0]!;
  if (best.size === 0 && q.length >= 4) {
    const limit = editLimit(q.length);
    for (const s of searchables) {
      if (Math.abs(s.key.length - q.length) > limit || (q.length <= 5 && s.key[0] !== q[0])) continue;
      const d = editDistance(q, s.key, limit);
      if (d <= limit) keep({ s, score: 4 + d });
    }
  }
  return [...best.values()]
    .sort(better)
    .slice(0, limit)
    .map((r) => ({ iso2: r.s.iso2, name: countryName(r.s.iso2), matched: r.s.label }));
}
