import type { GridRow } from '../types.ts';

/** Tab-separated text (.txt/.tsv): one row per physical line, no quoting (a tab or newline cannot be in a cell). */
export function tsvGrid(text: string): GridRow[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l, i) => ({ line: i + 1, cells: l.split('\t') }));
}
