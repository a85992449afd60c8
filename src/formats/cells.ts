import type { Cell, GridRow } from './types.ts';

// Readers deliver strings, numbers, booleans and dates; the parsers mostly want text.

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return String(cell);
}

export function isBlankRow(row: GridRow): boolean {
  return row.cells.every((c) => cellText(c) === '');
}

/** Case, accents and punctuation do not matter when matching header texts: "MOUs/ JOINT" ~ "mou". */
export function looseKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
