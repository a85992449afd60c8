import type { Carried, IncomingAgreement, IncomingNote } from '../core/diff.ts';
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
  /** Which fields the file carries: the others keep their stored values on import (core/diff.ts). */
  carries: Carried;
};
