import type { CountryCode } from './ids.ts';

// Record counts in flat arrays: per category, and per (partner country, category). Every count in stats.ts
// (computeStats, tallyByCountry) is derived from one of these, and the map page fills one straight from its
// index on each filter step (100,000 agreements in about a millisecond, no objects per agreement), so the
// page, the read API and the CLI count by the same rules.

export type TallyGrid = {
  /** Category ids in the dataset's order: column c. */
  readonly categories: readonly string[];
  /** Partner countries: row p. The focal country is never one. */
  readonly countries: readonly CountryCode[];
  /** Records per category column (a record counts whatever its partners). */
  readonly records: Int32Array;
  /** Records per (country, category), at `p * categories.length + c`. */
  readonly cells: Int32Array;
  /**
   * Where each cell was first counted into (the place of that partner occurrence in the caller's flat list of
   * occurrences, which follows the records' order), -1 while empty: the order in which countries first appear,
   * also among the records of some columns only, or when grids of parts of one list are added together.
   */
  readonly first: Int32Array;
};

/** The column of each category id: its first place in the dataset's list (a repeated id counts once). */
export function categoryColumns(categories: readonly { id: string }[]): Map<string, number> {
  const columns = new Map<string, number>();
  categories.forEach((c, i) => {
    if (!columns.has(c.id)) columns.set(c.id, i);
  });
  return columns;
}

export function createTallyGrid(categories: readonly string[], countries: readonly CountryCode[]): TallyGrid {
  const size = categories.length * countries.length;
  return {
    categories,
    countries,
    records: new Int32Array(categories.length),
    cells: new Int32Array(size),
    first: new Int32Array(size).fill(-1),
  };
}

/**
 * Counts one record of category column `c` whose partners are the rows `rows[from..to)` of one flat list of
 * every record's partner rows, in the order the tallies should list countries. A row listed twice counts twice,
 * as it always has in tallies.
 */
export function countRecord(
  grid: TallyGrid,
  c: number,
  rows: ArrayLike<number>,
  from = 0,
  to = rows.length,
): void {
  const width = grid.categories.length;
  grid.records[c]! += 1;
  for (let k = from; k < to; k++) {
    const cell = rows[k]! * width + c;
    if (grid.cells[cell]!++ === 0) grid.first[cell] = k;
  }
}

/** Adds the counts of `part` (same columns and rows, counted from the same flat list) into `into`. */
export function addTallyGrid(into: TallyGrid, part: TallyGrid): void {
  for (let c = 0; c < into.records.length; c++) into.records[c]! += part.records[c]!;
  for (let cell = 0; cell < into.cells.length; cell++) {
    const n = part.cells[cell]!;
    if (n === 0) continue;
    const first = part.first[cell]!;
    if (into.cells[cell] === 0 || first < into.first[cell]!) into.first[cell] = first;
    into.cells[cell]! += n;
  }
}
