import type { CountryCode } from '../ids.ts';
import { ALIASES } from './aliases.ts';
import { invertComma, normalizeName, splitParentheses } from './normalizeName.ts';
import { allCountries, countryName, countryNames, knownCode } from './registry.ts';

// Every name the resolver knows, by normalised key, built once on first use.

export type IndexEntry = {
  kind: 'exact' | 'alias';
  /** One code: a country. Several: an ambiguous name. None: a dissolved country or a region. */
  codes: CountryCode[];
  /** The name as written in the registry or alias table ("United States of America", "Burma"). */
  label: string;
  /** What a resolution reports as the name: the country's name, or a dissolved country's own name. */
  name: string | null;
  note?: string;
  successors?: CountryCode[];
};

export type NameIndex = {
  entries: ReadonlyMap<string, IndexEntry>;
  /** Names that collide in a way the alias table does not settle; tests keep this to the known list. */
  conflicts: readonly string[];
};

let built: NameIndex | undefined;

/**
 * The keys a known name is filed under: as written and comma-inverted; an ISO name also without its
 * bracketed qualifier ("Falkland Islands (Malvinas)"), an alias never ("Congo (Kinshasa)" is not "Congo").
 */
function keysOf(name: string, dropQualifier: boolean): string[] {
  const texts = [name, invertComma(name), dropQualifier ? splitParentheses(name)?.outside : undefined];
  const keys = texts.filter((t): t is string => t !== undefined).map((t) => normalizeName(t));
  return [...new Set(keys.filter((k) => k !== ''))];
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

function build(): NameIndex {
  const entries = new Map<string, IndexEntry>();
  const conflicts: string[] = [];
  for (const c of allCountries()) {
    for (const label of countryNames(c.iso2)) {
      for (const key of keysOf(label, true)) {
        const seen = entries.get(key);
        if (seen === undefined) {
          entries.set(key, { kind: 'exact', codes: [c.iso2], label, name: c.name });
        } else if (!seen.codes.includes(c.iso2)) {
          // i18n-iso-countries lists "Congo" for both Congos: the name is then ambiguous, not first-come.
          seen.codes.push(c.iso2);
          seen.name = null;
          conflicts.push(`"${key}" is an ISO name of ${seen.codes.join(' and ')}`);
        }
      }
    }
  }
  for (const alias of ALIASES) {
    const codes = (alias.iso2 !== null ? [alias.iso2] : (alias.candidates ?? [])).map(knownCode);
    const successors = alias.successors?.map(knownCode);
    const name = alias.iso2 !== null ? countryName(alias.iso2) : successors ? (alias.names[0] ?? null) : null;
    for (const label of alias.names) {
      for (const key of keysOf(label, false)) {
        const seen = entries.get(key);
        if (seen === undefined) {
          entries.set(key, {
            kind: 'alias',
            codes,
            label,
            name,
            note: alias.note,
            ...(successors && { successors }),
          });
        } else if (sameCodes(seen.codes, codes) && seen.successors === undefined) {
          // An ISO name wins over an alias saying the same; an ambiguous one borrows the alias's explanation.
          if (seen.codes.length > 1) seen.note ??= alias.note;
        } else {
          conflicts.push(`alias "${label}" (${codes.join(', ') || 'none'}) collides with "${seen.label}"`);
        }
      }
    }
  }
  return { entries, conflicts };
}

export function nameIndex(): NameIndex {
  built ??= build();
  return built;
}
