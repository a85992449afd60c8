import type { CategoryId, CountryCode } from './ids.ts';
import type { Agreement, AgreementContent, Category, Dataset } from './schemas.ts';
import { categoryColumns, countRecord, createTallyGrid, type TallyGrid } from './tallyGrid.ts';

// The single source of every count: the CLI, the read API, the map's legend cards and the bake all call this.
// Counting rules come from each category's configuration: `partners` counts partner countries that have at
// least one record of the category (MLATs in the first dataset), `records` counts records.

export type CountableAgreement = Pick<AgreementContent, 'category' | 'partners'>;

export type Stats = {
  /** The headline number of each category, by its counting rule. */
  counts: Record<string, number>;
  /** Distinct partner countries with at least one agreement (the focal country excluded). */
  partners: number;
  /** Number of records in each category. */
  records: Record<string, number>;
  /** Number of distinct partner countries in each category. */
  partnersByCategory: Record<string, number>;
  /** Total number of records. */
  agreements: number;
};

/**
 * Counts `agreements` into a grid: columns are the dataset's categories (an agreement of a category the dataset
 * does not define is not counted), rows the partner countries in order of first appearance (the focal country
 * excluded).
 */
export function tallyGridOf(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly CountableAgreement[],
): TallyGrid {
  const columns = categoryColumns(dataset.categories);
  // One pass reads the agreements (rows are numbered as countries appear); the grid, whose size is known only
  // then, is filled from these flat lists.
  let occurrences = 0;
  for (const a of agreements) occurrences += a.partners.length;
  const rowOf = new Map<string, number>();
  const countries: CountryCode[] = [];
  const recordColumn = new Int32Array(agreements.length);
  const rowsEnd = new Int32Array(agreements.length);
  const rows = new Int32Array(occurrences);
  let records = 0;
  let end = 0;
  for (const a of agreements) {
    const c = columns.get(a.category);
    if (c === undefined) continue;
    for (const p of a.partners) {
      if (p === dataset.focalCountry) continue;
      let row = rowOf.get(p);
      if (row === undefined) {
        row = countries.push(p) - 1;
        rowOf.set(p, row);
      }
      rows[end++] = row;
    }
    recordColumn[records] = c;
    rowsEnd[records++] = end;
  }
  const grid = createTallyGrid(
    dataset.categories.map((c) => c.id),
    countries,
  );
  let from = 0;
  for (let r = 0; r < records; r++) {
    countRecord(grid, recordColumn[r]!, rows, from, rowsEnd[r]!);
    from = rowsEnd[r]!;
  }
  return grid;
}

/**
 * The stats of the records in `grid` whose category column is shown (`shown[c]`; null shows every column),
 * as computeStats would give for just those records. The counting rules live here.
 */
export function statsOfGrid(
  dataset: Pick<Dataset, 'categories'>,
  grid: TallyGrid,
  shown: ArrayLike<boolean> | null = null,
): Stats {
  const width = grid.categories.length;
  const rows = grid.countries.length;
  const records: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const partnersByCategory: Record<string, number> = {};
  const columns = categoryColumns(dataset.categories);
  let total = 0;
  for (const cat of dataset.categories) {
    const c = columns.get(cat.id)!;
    const on = shown === null || shown[c] === true;
    let partners = 0;
    if (on) for (let p = 0; p < rows; p++) if (grid.cells[p * width + c]! > 0) partners += 1;
    const n = on ? grid.records[c]! : 0;
    records[cat.id] = n;
    partnersByCategory[cat.id] = partners;
    counts[cat.id] = cat.count === 'partners' ? partners : n;
    total += n;
  }
  let partners = 0;
  for (let p = 0; p < rows; p++) {
    for (let c = 0; c < width; c++) {
      if ((shown === null || shown[c] === true) && grid.cells[p * width + c]! > 0) {
        partners += 1;
        break;
      }
    }
  }
  return { counts, partners, records, partnersByCategory, agreements: total };
}

/**
 * The tallies of the records in `grid` whose category column is shown, as tallyByCountry would give for just
 * those records: countries in order of first appearance, categories in the dataset's order.
 */
export function talliesOfGrid(
  grid: TallyGrid,
  shown: ArrayLike<boolean> | null = null,
): Map<CountryCode, CountryTally> {
  const width = grid.categories.length;
  const found: { tally: CountryTally; first: number }[] = [];
  grid.countries.forEach((country, p) => {
    let tally: CountryTally | null = null;
    let first = Number.POSITIVE_INFINITY;
    for (let c = 0; c < width; c++) {
      const n = grid.cells[p * width + c]!;
      if (n === 0 || (shown !== null && shown[c] !== true)) continue;
      tally ??= { country, byCategory: {}, total: 0 };
      tally.byCategory[grid.categories[c]!] = n;
      tally.total += n;
      first = Math.min(first, grid.first[p * width + c]!);
    }
    if (tally !== null) found.push({ tally, first });
  });
  found.sort((a, b) => a.first - b.first);
  return new Map(found.map(({ tally }) => [tally.country, tally]));
}

export function computeStats(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly CountableAgreement[],
): Stats {
  return statsOfGrid(dataset, tallyGridOf(dataset, agreements));
}

export type CountryTally = { country: CountryCode; byCategory: Record<string, number>; total: number };

/** Records per category for each partner country, in the order of first appearance. */
export function tallyByCountry(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly CountableAgreement[],
): Map<CountryCode, CountryTally> {
  return talliesOfGrid(tallyGridOf(dataset, agreements));
}

/** The categories a country has, in the dataset's category order. */
export function categoriesOf(tally: CountryTally | undefined, categories: readonly Category[]): CategoryId[] {
  if (tally === undefined) return [];
  return categories.filter((c) => (tally.byCategory[c.id] ?? 0) > 0).map((c) => c.id);
}

export type { Agreement };
