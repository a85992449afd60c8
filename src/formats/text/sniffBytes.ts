// Recognising a few common non-text files lets an error say what the file is and how to save it instead.

export type ByteKind = 'zip' | 'ole' | 'pdf' | 'gzip' | 'utf16' | 'binary' | 'text';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function sniffBytes(bytes: Uint8Array): ByteKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
  const head = bytes.subarray(0, 8192);
  return head.includes(0) ? 'binary' : 'text';
}

/** What `atlas backup` writes is restored, never imported (it holds users and history, not one dataset). */
export const BACKUP_ADVICE =
  'Accord Atlas backup (atlas backup), restore it into a database with atlas restore FILE; to import a dataset, give its JSON export (atlas export --format json), a sheet or a CSV';

/** What to tell a researcher who gave us a file that is not text. */
export function binaryAdvice(kind: ByteKind): string {
  switch (kind) {
    case 'zip':
      return 'this is an Excel workbook (.xlsx) or another ZIP file, not text; if it is a workbook, give it the .xlsx extension';
    case 'ole':
      return 'this is an old Excel 97-2003 workbook (.xls); open it and save it as .xlsx or as "CSV UTF-8"';
    case 'pdf':
      return 'this is a PDF, not a table; export the table from its source as .xlsx or "CSV UTF-8"';
    case 'gzip':
      return `this is a gzip-compressed file, not a sheet: if it is an ${BACKUP_ADVICE}; if it is a sheet, decompress it first`;
    case 'utf16':
      return 'this text is saved as UTF-16 ("Unicode Text") where a workbook or UTF-8 text was expected; save it as .xlsx or "CSV UTF-8"';
    default:
      return 'this is a binary file (it contains NUL bytes), not a spreadsheet or text table; save the sheet as .xlsx, "CSV UTF-8" or tab-separated text';
  }
}
