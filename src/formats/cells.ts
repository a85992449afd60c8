import type { Cell, GridRow } from './types.ts';

// Readers deliver strings, numbers, booleans and dates; the parsers mostly want text.

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return String(cell);
}

/**
 * A source cell's addresses as text, and the cell's own text as their title when it is a hyperlink's label: a
 * cell that shows "NDTV" and links to https://ndtv.com gives that address titled "NDTV". A cell that already
 * shows an address is read as it is.
 */
export function linkedSource(row: GridRow, index: number | undefined): { text: string; title: string } {
  const text = index === undefined ? '' : cellText(row.cells[index]);
  const link = index === undefined ? undefined : row.links?.get(index);
  if (link === undefined || /[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { text, title: '' };
  const label = text || (link.label ?? '').trim();
  return { text: link.url, title: label === link.url ? '' : label };
}

export function isBlankRow(row: GridRow): boolean {
  return row.cells.every((c) => cellText(c) === '');
}

/** Case, accents and punctuation do not matter when matching header texts: "MOUs/ JOINT" ~ "mou". */
export function looseKey(s: string): string {
  return looseWords(s).replace(/ /g, '');
}

/** The same, word by word: "Date of MoU" is "date of mou", so a text can be matched as whole words. */
export function looseWords(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .join(' ');
}
