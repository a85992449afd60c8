import type { CountryCode } from '../ids.ts';

export type MatchKind = 'exact' | 'alias' | 'fuzzy' | 'ambiguous' | 'none';

export type Candidate = { iso2: CountryCode; name: string };

export type Resolution = {
  input: string;
  iso2: CountryCode | null;
  name: string | null;
  match: MatchKind;
  /** Edit distance of a fuzzy match. */
  distance?: number;
  /** For `ambiguous`: the countries the input could mean. */
  candidates?: Candidate[];
  /** For a dissolved country (Netherlands Antilles): the codes of its successors; iso2 is then null. */
  successors?: CountryCode[];
  /** A human sentence about how it matched ("typo for Mexico", "historic name of Myanmar"). */
  note?: string;
};

export type CountryInfo = {
  iso2: CountryCode;
  iso3: string;
  numeric: string;
  name: string;
  /** UN M49 region (Africa, Americas, Asia, Europe, Oceania), or null (Antarctica). */
  region: string | null;
  subregion: string | null;
};
