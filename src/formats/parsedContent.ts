import type { IncomingAgreement, IncomingNote } from '../core/diff.ts';
import type { Problem } from '../core/report.ts';
import type { CountryMatch } from './types.ts';

/** What each layout parser returns; parseFile adds the format and container. */
export type ParsedContent = {
  agreements: IncomingAgreement[];
  notes: IncomingNote[];
  lines: { agreements: Array<number | null>; notes: Array<number | null> };
  warnings: Problem[];
  errors: Problem[];
  resolutions: CountryMatch[];
};
