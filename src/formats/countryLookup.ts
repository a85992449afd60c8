import { countryName, resolveCountry } from '../core/countries/index.ts';
import type { Candidate, Resolution } from '../core/countries/types.ts';
import type { CountryCode } from '../core/ids.ts';
import type { Problems } from './problems.ts';
import type { CountryMatch } from './types.ts';

// Every country name in a file goes through here, so the seed and the normalized CSV report typos, unknown,
// ambiguous and dissolved names the same way. A fuzzy match is never silent.

export type LookupPlace = { line: number | null; column: string | null };

function listCandidates(cs: readonly Candidate[]): string {
  return cs.map((c) => `${c.name} (${c.iso2})`).join(', ');
}

function successorList(codes: readonly CountryCode[]): string {
  return codes.map((c) => `${countryName(c)} (${c})`).join(', ');
}

export function unresolvedMessage(res: Resolution): string {
  const input = `"${res.input}"`;
  if (res.successors && res.successors.length > 0) {
    return `${input} no longer exists as one country (it became ${successorList(res.successors)}); put each agreement under the country it concerns today`;
  }
  if (res.match === 'ambiguous') {
    const cs = res.candidates ?? [];
    return `${input} could mean ${cs.length > 0 ? listCandidates(cs) : 'several countries'}; write the full name or the ISO two-letter code`;
  }
  const hint =
    res.candidates && res.candidates.length > 0 ? ` (did you mean ${listCandidates(res.candidates)}?)` : '';
  return `${input} is not a country or territory this tool knows${hint}; write its English name (e.g. "Mexico") or its ISO 3166 two-letter code (e.g. "MX")`;
}

export function fuzzyMessage(res: Resolution): string {
  const d = res.distance ?? 1;
  return `"${res.input}" read as ${res.name ?? res.iso2} (typo, ${d} edit${d === 1 ? '' : 's'}). If that is right, correct the spelling in the file to silence this warning; if not, write the intended country`;
}

export type LookupOptions = {
  /** Whether the row has something to import; an unknown name on an empty row is only a warning. */
  carries: boolean;
  focal: CountryCode;
};

export function lookUpCountry(
  input: string,
  at: LookupPlace,
  opts: LookupOptions,
  problems: Problems,
  resolutions: CountryMatch[],
): CountryCode | null {
  const res = resolveCountry(input);
  resolutions.push({ line: at.line, column: at.column, resolution: res });
  if (res.iso2 === null) {
    if (opts.carries) problems.error(at.line, at.column, unresolvedMessage(res));
    else
      problems.warn(
        at.line,
        at.column,
        `${unresolvedMessage(res)}. The row has nothing to import, so it is skipped`,
      );
    return null;
  }
  if (res.match === 'fuzzy') problems.warn(at.line, at.column, fuzzyMessage(res));
  if (res.iso2 === opts.focal) {
    const msg = `"${input}" is the dataset's own country (${opts.focal}); a partner must be another country`;
    if (opts.carries)
      problems.error(at.line, at.column, `${msg}: move these agreements under their partner country`);
    else problems.warn(at.line, at.column, `${msg}; the row has nothing to import, so it is skipped`);
    return null;
  }
  return res.iso2;
}
