import type { Resolution } from '../core/countries/types.ts';
import type { Carried, IncomingAgreement, IncomingNote } from '../core/diff.ts';
import type { Problem } from '../core/report.ts';
import type { Dataset, DatasetDocument } from '../core/schemas.ts';

/** seed = the one-row-per-country layout (.txt/.tsv/.csv/.xlsx); csv = the normalized one-row-per-record table. */
export type FileFormat = 'seed' | 'csv' | 'json';

/** How the bytes were read, independent of the layout inside. */
export type FileContainer = 'text' | 'csv' | 'xlsx' | 'json';

/** How one country name in the file matched, and where it was (for import reports). */
export type CountryMatch = { line: number | null; column: string | null; resolution: Resolution };

export type ParsedFile = {
  format: FileFormat;
  container: FileContainer;
  /** Only the JSON document carries one. */
  dataset: Dataset | null;
  /** The validated JSON document, with timestamps and versions (JSON only). */
  document?: DatasetDocument;
  agreements: IncomingAgreement[];
  notes: IncomingNote[];
  /** The line of each agreement / note, parallel to `agreements` / `notes` (null where a format has no lines). */
  lines: { agreements: Array<number | null>; notes: Array<number | null> };
  warnings: Problem[];
  /** Any error means: import nothing. */
  errors: Problem[];
  resolutions?: CountryMatch[];
  /** Which fields the file carries: the others keep their stored values on import (core/diff.ts). */
  carries: Carried;
};

/** A spreadsheet cell as the readers deliver it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** One row of a sheet with its line as a spreadsheet shows it (1-based); `links` are the web addresses behind
 * hyperlinked cells of a workbook, by column index. */
export type GridRow = {
  line: number;
  cells: Cell[];
  links?: ReadonlyMap<number, { url: string; label?: string }>;
  /** Workbook date cells whose format shows a day that is the 1st of its month, by column index → the format
   * code: "Aug 2015" converted by a spreadsheet program looks just like a real 1 August (xlsxDates.ts). */
  uncertainDays?: ReadonlyMap<number, string>;
};
