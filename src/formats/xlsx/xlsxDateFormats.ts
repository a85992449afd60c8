import { unzipSync } from 'fflate';
import { attr, cellRef, relationships, relsPathOf, resolvePart } from './xlsxHyperlinks.ts';

// A workbook's date cells hold a day number; how precise the researcher's date is shows only in the cell's number
// format (styles.xml): "Aug 2015" saved by Excel or LibreOffice becomes a date cell formatted `mmm-yy`. A format
// without a day is a month, without a month a year. Read with fflate, as the hyperlinks are.

export type FormatPrecision = 'day' | 'month' | 'year';

/** Per sheet name: row number (1-based) → column index (0-based) → the date cell's number format code. */
export type SheetDateFormats = Map<string, Map<number, Map<number, string>>>;

/** Excel's built-in date formats (ECMA-376 18.8.30), which a workbook uses without writing them out. */
const BUILT_IN: Readonly<Record<number, string>> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'm/d/yy h:mm',
  // East Asian locales' built-in dates (all with a day).
  27: 'yyyy"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"d"日"',
  50: 'yyyy"年"m"月"d"日"',
  57: 'yyyy"年"m"月"d"日"',
};

/** How precise a number format shows a date; null when it is not a date format (a number, text or a time). */
export function formatPrecision(code: string): FormatPrecision | null {
  const first = code.split(';')[0] ?? '';
  const tokens = first
    .toLowerCase()
    .replace(/"[^"]*"/g, ' ') // literal text
    .replace(/\\./g, ' ') // escaped characters
    .replace(/\[[^\]]*\]/g, ' ') // colours, conditions, locales, elapsed time
    .replace(/[_*]./g, ' ') // padding
    // "m" next to hours or seconds is minutes.
    .replace(/h+[^a-z]*m+/g, ' ')
    .replace(/m+([^a-z]*s)/g, ' $1');
  const day = /d/.test(tokens);
  const month = /m/.test(tokens);
  const year = /y/.test(tokens);
  if (day) return 'day';
  if (month) return 'month';
  return year ? 'year' : null;
}

/** Number format code of each date-formatted cell of every sheet (cells with another format are left out). */
export function readXlsxDateFormats(bytes: Uint8Array): SheetDateFormats {
  const out: SheetDateFormats = new Map();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  } catch {
    return out;
  }
  const text = (path: string): string | undefined => {
    const f = files[path];
    return f ? new TextDecoder().decode(f) : undefined;
  };
  const styles = text('xl/styles.xml');
  const workbookPath = 'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (!styles || !workbook) return out;
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = attr(m[0], 'numFmtId');
    const fmt = attr(m[0], 'formatCode');
    if (id !== null && fmt !== null) custom.set(Number(id), fmt);
  }
  // Style index (a cell's s="N") → its date format code, for the styles whose format is a date.
  const dateStyles = new Map<number, string>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const fmt = custom.get(id) ?? BUILT_IN[id];
    if (fmt !== undefined && formatPrecision(fmt) !== null) dateStyles.set(index, fmt);
    index++;
  }
  if (dateStyles.size === 0) return out;
  const workbookRels = relationships(text(relsPathOf(workbookPath)));
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    const rel = id ? workbookRels.get(id) : undefined;
    if (name === null || !rel) continue;
    const xml = text(resolvePart(workbookPath, rel.target));
    if (!xml) continue;
    const cells = new Map<number, Map<number, string>>();
    for (const c of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
      const s = attr(c[0], 's');
      const fmt = s === null ? undefined : dateStyles.get(Number(s));
      const ref = fmt === undefined ? null : attr(c[0], 'r');
      const at = ref ? cellRef(ref) : null;
      if (!at || fmt === undefined) continue;
      const row = cells.get(at[0]) ?? new Map<number, string>();
      cells.set(at[0], row);
      row.set(at[1], fmt);
    }
    if (cells.size > 0) out.set(name, cells);
  }
  return out;
}
