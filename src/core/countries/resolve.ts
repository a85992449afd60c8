import type { CountryCode } from '../ids.ts';
import { fuzzyMatch } from './fuzzyMatch.ts';
import type { IndexEntry } from './nameIndex.ts';
import { nameIndex } from './nameIndex.ts';
import { nameVariants, normalizeName } from './normalizeName.ts';
import { byAlpha3, byNumeric, countryName, getCountry } from './registry.ts';
import type { Candidate, CountryInfo, MatchKind, Resolution } from './types.ts';

// Order: exact names and codes, then the alias table, then a reported fuzzy match; anything unsure is
// `ambiguous` (with candidates) or `none`. A confident wrong answer is worse than none: a researcher
// can fix "none", but nobody notices Niger filed as Nigeria.

function candidates(codes: readonly CountryCode[]): Candidate[] {
  return codes.map((iso2) => ({ iso2, name: countryName(iso2) }));
}

function fromEntry(input: string, e: IndexEntry, match: MatchKind = e.kind): Resolution {
  const note = e.note === undefined ? {} : { note: e.note };
  if (e.successors !== undefined) {
    return { input, iso2: null, name: e.name, match, successors: e.successors, ...note };
  }
  const [only, ...more] = e.codes;
  if (only === undefined) return { input, iso2: null, name: null, match: 'none', ...note };
  if (more.length > 0) {
    const names = e.codes.map((c) => countryName(c));
    return {
      input,
      iso2: null,
      name: null,
      match: 'ambiguous',
      candidates: candidates(e.codes),
      note: e.note ?? `could be ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
    };
  }
  return { input, iso2: only, name: countryName(only), match, ...note };
}

/**
 * Several keys of one tier hit ("DRC (Democratic Republic of the Congo)": "drc" and the bracketed name).
 * One country all hits allow wins; otherwise the name is ambiguous between everything they named.
 */
function combine(input: string, hits: readonly IndexEntry[]): Resolution {
  const first = hits[0]!;
  if (hits.length === 1) return fromEntry(input, first);
  const naming = hits.filter((h) => h.codes.length > 0);
  if (naming.length === 0) return fromEntry(input, first);
  let common: CountryCode[] = [...naming[0]!.codes];
  for (const h of naming.slice(1)) common = common.filter((c) => h.codes.includes(c));
  if (common.length === 1) {
    const code = common[0]!;
    const source = naming.find((h) => h.codes.length === 1 && h.codes[0] === code) ?? naming[0]!;
    return { ...fromEntry(input, source), iso2: code, name: countryName(code) };
  }
  const all = [...new Set(naming.flatMap((h) => h.codes))];
  return fromEntry(input, { kind: 'alias', codes: all, label: input, name: null });
}

function fromCode(input: string, text: string): Resolution | undefined {
  let info: CountryInfo | undefined;
  if (/^[A-Za-z]{2}$/.test(text)) info = getCountry(text);
  else if (/^[A-Za-z]{3}$/.test(text)) info = byAlpha3(text);
  else if (/^\d{1,3}$/.test(text)) info = byNumeric(text);
  return info && { input, iso2: info.iso2, name: info.name, match: 'exact' };
}

/** Which country a name (or ISO alpha-2, alpha-3 or numeric code) means, and how sure that is. */
export function resolveCountry(input: string): Resolution {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return { input, iso2: null, name: null, match: 'none', note: 'empty name' };
  const { entries } = nameIndex();
  // Most names are found as written; the variants cost more than the lookup.
  const direct = entries.get(normalizeName(text));
  if (direct !== undefined) return fromEntry(input, direct);
  const byCode = fromCode(input, text);
  if (byCode !== undefined) return byCode;
  const tiers = nameVariants(text);
  for (const keys of tiers.slice(1)) {
    const hits = keys.map((k) => entries.get(k)).filter((e): e is IndexEntry => e !== undefined);
    if (hits.length > 0) return combine(input, hits);
  }
  const fuzzy = fuzzyMatch(tiers.flat(), entries);
  if (fuzzy.best !== undefined) {
    const { entry, distance } = fuzzy.best;
    const typo = `typo for ${entry.label} (${distance} edit${distance === 1 ? '' : 's'})`;
    const base = fromEntry(input, entry, 'fuzzy');
    if (base.match === 'none') return { ...base, note: `${typo}: ${entry.note ?? 'not a country'}` };
    return { ...base, distance, note: entry.note === undefined ? typo : `${typo}; ${entry.note}` };
  }
  if (fuzzy.tied.length > 1) {
    const names = fuzzy.tied.map((c) => countryName(c));
    return {
      input,
      iso2: null,
      name: null,
      match: 'ambiguous',
      candidates: candidates(fuzzy.tied),
      note: `could be ${names.slice(0, -1).join(', ')} or ${names.at(-1)}; write the full name or the ISO code`,
    };
  }
  const none: Resolution = {
    input,
    iso2: null,
    name: null,
    match: 'none',
    note: 'no country or territory by this name; check the spelling or use an ISO 3166 code (e.g. "FR")',
  };
  return fuzzy.near.length > 0 ? { ...none, candidates: candidates(fuzzy.near) } : none;
}

/** resolveCountry for each input, in order; repeated inputs are resolved once. */
export function resolveMany(inputs: readonly string[]): Resolution[] {
  const seen = new Map<string, Resolution>();
  return inputs.map((input) => {
    let r = seen.get(input);
    if (r === undefined) {
      r = resolveCountry(input);
      seen.set(input, r);
    }
    return r;
  });
}
