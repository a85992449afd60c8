import { type AgreementFilter, splitFilter } from '../../../core/filters.ts';
import { addTallyGrid, createTallyGrid, type TallyGrid } from '../../../core/tallyGrid.ts';
import type { YearGrid } from '../years/countPerYear.ts';
import { countYearCube, type YearCube } from '../years/yearCube.ts';
import { type AgreementIndex, maskOf, yearsPassing } from './agreementIndex.ts';

// The counts of the page's base filter (every filter but the category toggles): the tally grid core counts
// from, and the records per year and category. They are sums of the year grids of a cube (yearCube.ts), so a
// timeline step reads no agreement; the category toggles then only choose grid columns (selectAgreements.ts).

export type BaseCounts = {
  filter: AgreementFilter;
  /** The passing agreements of the dataset's categories, counted. */
  grid: TallyGrid;
  /** The same records by signing year (the index's year slots) and category column. */
  perYear: YearGrid;
  /**
   * The undated agreements that pass the filter's other conditions (whether or not the year condition lets
   * them in), counted: the page says how many a year range leaves out, or draws them apart. Null when every
   * agreement is dated.
   */
  undated: TallyGrid | null;
  /** 1 for each agreement (in document order) that passes the filter; made on first call. */
  passes: () => Uint8Array;
};

/** Cubes kept per index: a reader switches between a handful of region and flag rules. */
const MAX_CUBES = 4;

/** The cube for the filter's conditions other than the years, counted on first use. */
function cubeFor(index: AgreementIndex, rest: readonly AgreementFilter[]): YearCube {
  const key = JSON.stringify(rest);
  let cube = index.cubes.get(key);
  if (cube === undefined) {
    // The other conditions as one mask (usually there are none).
    let mask: Uint8Array | null = null;
    for (const condition of rest) {
      const m = maskOf(index, condition);
      if (mask === null) mask = m.slice();
      else for (let i = 0; i < m.length; i++) mask[i]! &= m[i]!;
    }
    cube = countYearCube(index, mask);
    if (index.cubes.size >= MAX_CUBES) index.cubes.delete(index.cubes.keys().next().value!);
    index.cubes.set(key, cube);
  }
  return cube;
}

export function countBase(index: AgreementIndex, filter: AgreementFilter): BaseCounts {
  const { years, rest } = splitFilter(filter);
  const yearOk = yearsPassing(index, years);
  const cube = cubeFor(index, rest);
  const width = index.categories.length;
  const grid = createTallyGrid(index.categories, index.countries);
  const counts = new Int32Array(index.years.length * width);
  cube.grids.forEach((g, slot) => {
    if (yearOk[slot] === 0) return;
    addTallyGrid(grid, g);
    counts.set(g.records, slot * width);
  });
  let passes: Uint8Array | null = null;
  return {
    filter,
    grid,
    perYear: { years: index.years, counts },
    undated: cube.grids[index.years.indexOf(null)] ?? null,
    passes: () => {
      if (passes === null) {
        passes = new Uint8Array(index.agreements.length);
        for (let i = 0; i < passes.length; i++) {
          if (yearOk[index.yearSlot[i]!] === 1 && (cube.mask === null || cube.mask[i] === 1)) passes[i] = 1;
        }
      }
      return passes;
    },
  };
}
