// What parsers, validators and imports report: a place (file, line, column) and what to do.

export type Problem = {
  /** 1-based line as a spreadsheet shows it (the header is line 1; for XLSX the row number); null for the file. */
  line: number | null;
  /** The column's header text, or a field name; null when it is about the whole row or file. */
  column: string | null;
  message: string;
};

export function problem(line: number | null, column: string | null, message: string): Problem {
  return { line, column, message };
}

export function formatProblem(file: string, p: Problem): string {
  const where = [
    file,
    p.line === null ? null : `line ${p.line}`,
    p.column === null ? null : `column "${p.column}"`,
  ]
    .filter((s) => s !== null)
    .join(', ');
  return `${where}: ${p.message}`;
}
