// What an uploaded or imported file may cost, each configurable by an environment variable of the process that
// reads the file (the server, or `atlas`). A research sheet is far below every default; a file above one is
// refused as soon as the limit is passed, before it can take the memory or the time of everyone else.

export type UploadLimits = {
  /** The file as given (for an .xlsx: compressed, all its parts together). */
  uploadBytes: number;
  /** One part of an .xlsx (a zip entry) once decompressed. */
  unzippedEntryBytes: number;
  /** All parts of an .xlsx together once decompressed. */
  unzippedBytes: number;
  /** Parts in an .xlsx. */
  zipEntries: number;
  /** Rows of a sheet, or records of a CSV / TSV. */
  rows: number;
  /** Characters in one cell. */
  cellChars: number;
};

type LimitName = keyof UploadLimits;

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<UploadLimits> = {
  uploadBytes: 50 * MB,
  unzippedEntryBytes: 100 * MB,
  unzippedBytes: 200 * MB,
  zipEntries: 1000,
  rows: 250_000,
  // Excel's own limit for one cell.
  cellChars: 32_767,
};

/** The environment variable that sets each limit (documented in README.md, "Limits on uploaded files"). */
export const LIMIT_VARIABLES: Readonly<Record<LimitName, string>> = {
  uploadBytes: 'ATLAS_MAX_UPLOAD_BYTES',
  unzippedEntryBytes: 'ATLAS_MAX_UNZIPPED_ENTRY_BYTES',
  unzippedBytes: 'ATLAS_MAX_UNZIPPED_BYTES',
  zipEntries: 'ATLAS_MAX_ZIP_ENTRIES',
  rows: 'ATLAS_MAX_ROWS',
  cellChars: 'ATLAS_MAX_CELL_CHARS',
};

/**
 * The limits in force: each variable's whole positive number (sizes in bytes, "50MB" or "50M" accepted), else
 * the default. A value that is not a number is an operator's mistake, refused with its name at first use.
 */
export function uploadLimits(
  env: Readonly<Record<string, string | undefined>> = typeof process === 'undefined' ? {} : process.env,
): UploadLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(LIMIT_VARIABLES) as LimitName[]) {
    const variable = LIMIT_VARIABLES[name];
    const raw = env[variable]?.trim();
    if (!raw) continue;
    const m = /^(\d+)\s*(k|kb|m|mb|g|gb)?$/i.exec(raw);
    const unit = m?.[2]?.[0]?.toLowerCase();
    const value = m
      ? Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? MB : unit === 'g' ? 1024 * MB : 1)
      : NaN;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(
        `${variable}="${raw}" is not a limit; give a whole number above 0 (sizes in bytes, or like 50MB), or unset it for the default ${DEFAULT_LIMITS[name]}`,
      );
    }
    out[name] = value;
  }
  return out;
}

/** Files larger than this are refused before parsing: a research sheet is far smaller, and memory is not. */
export const MAX_FILE_BYTES = uploadLimits().uploadBytes;

const size = (n: number): string =>
  n >= MB ? `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB` : `${n.toLocaleString('en')} bytes`;

/** "… over the limit of 100 MB (ATLAS_MAX_…)": how a refusal names the limit. */
export function limitText(name: LimitName, value: number): string {
  const shown =
    name === 'rows' || name === 'zipEntries' || name === 'cellChars'
      ? value.toLocaleString('en')
      : size(value);
  return `${shown} (${LIMIT_VARIABLES[name]})`;
}

/** What to do when a limit is passed: the file is likely not a dataset sheet; else split it, or raise the limit. */
export function limitAdvice(name: LimitName): string {
  return `a dataset sheet is far smaller, so check that this is the right file; split it or remove unused rows and columns, or ask the operator to raise ${LIMIT_VARIABLES[name]}`;
}

/**
 * Counts the records of a CSV / TSV text up to `max + 1` (line breaks outside double quotes), so a text with
 * too many is refused before it is parsed into rows.
 */
export function textRecordsOver(text: string, max: number): boolean {
  let records = 0;
  if (!text.includes('"')) {
    // No quotes at all: every line break ends a record (indexOf is much faster than a loop over characters).
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
      if (++records > max) return true;
    return false;
  }
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 10 && !quoted && ++records > max) return true;
  }
  return false;
}

/** A message naming the first row or cell limit a table passes (rows read from any sheet), or null. */
export function gridLimitProblem(
  rows: ReadonlyArray<{ line: number; cells: readonly unknown[] }>,
  limits: UploadLimits,
): { line: number | null; message: string } | null {
  if (rows.length > limits.rows) {
    return {
      line: null,
      message: `the sheet has more than ${limitText('rows', limits.rows)} rows; ${limitAdvice('rows')}`,
    };
  }
  for (const row of rows) {
    for (const cell of row.cells) {
      if (typeof cell === 'string' && cell.length > limits.cellChars) {
        return {
          line: row.line,
          message: `a cell has ${cell.length.toLocaleString('en')} characters, over the limit of ${limitText('cellChars', limits.cellChars)}; ${limitAdvice('cellChars')}`,
        };
      }
    }
  }
  return null;
}
