import { type AgreementFilter, type FilterContext, makePredicate } from '../../../core/filters.ts';
import type { CountryCode } from '../../../core/ids.ts';
import type { Agreement, Dataset } from '../../../core/schemas.ts';
import { categoryColumns } from '../../../core/tallyGrid.ts';
import type { YearCube } from '../years/yearCube.ts';

// The dataset's agreements as flat arrays, built once per document, so that a filter step reads numbers in
// typed arrays instead of walking 100,000 objects: each agreement's category column, its signing year (as a
// slot in the list of distinct years) and its partners (as rows of a core tally grid). What a filter means is
// still decided by core's makePredicate: the year condition is asked once per distinct year (yearsPassing),
// conditions on other fields become cached masks (maskOf).

export type AgreementIndex = {
  agreements: readonly Agreement[];
  ctx: FilterContext;
  /** Category ids in the dataset's order: the grid's columns. */
  categories: readonly string[];
  /** Partner countries (the focal country excluded): the grid's rows. */
  countries: readonly CountryCode[];
  /** Each agreement's category column; -1 for a category the dataset does not define. */
  column: Int16Array;
  /** The distinct signing years, null for undated; `yearSlot[i]` is agreement i's place in this list. */
  years: readonly (number | null)[];
  yearSlot: Uint16Array;
  /** An agreement of each distinct year (its index), to ask core's year condition once per year. */
  yearSample: readonly number[];
  /** Agreement i's partner rows are `partnerRows[partnerStart[i] .. partnerStart[i + 1])`. */
  partnerStart: Int32Array;
  partnerRows: Int32Array;
  /** Masks of the agreements passing one condition (see maskOf), by the condition's JSON. */
  masks: Map<string, Uint8Array>;
  /** Year cubes by their conditions' JSON (baseCounts.ts). */
  cubes: Map<string, YearCube>;
};

export function indexAgreements(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly Agreement[],
  ctx: FilterContext,
): AgreementIndex {
  const n = agreements.length;
  const columns = categoryColumns(dataset.categories);
  const column = new Int16Array(n);
  const yearSlot = new Uint16Array(n);
  const years: (number | null)[] = [];
  const yearSample: number[] = [];
  const slotOf = new Map<number | null, number>();
  const rowOf = new Map<string, number>();
  const countries: CountryCode[] = [];
  let occurrences = 0;
  for (const a of agreements) occurrences += a.partners.length;
  const partnerStart = new Int32Array(n + 1);
  const partnerRows = new Int32Array(occurrences);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const a = agreements[i]!;
    column[i] = columns.get(a.category) ?? -1;
    let slot = slotOf.get(a.date.year);
    if (slot === undefined) {
      slot = years.push(a.date.year) - 1;
      yearSample.push(i);
      slotOf.set(a.date.year, slot);
    }
    yearSlot[i] = slot;
    for (const p of a.partners) {
      if (p === dataset.focalCountry) continue;
      let row = rowOf.get(p);
      if (row === undefined) {
        row = countries.push(p) - 1;
        rowOf.set(p, row);
      }
      partnerRows[end++] = row;
    }
    partnerStart[i + 1] = end;
  }
  return {
    agreements,
    ctx,
    categories: dataset.categories.map((c) => c.id),
    countries,
    column,
    years,
    yearSlot,
    yearSample,
    partnerStart,
    partnerRows,
    masks: new Map(),
    cubes: new Map(),
  };
}

/** A bound on cached masks (100 KB each at 100,000 agreements); the page uses a handful. */
const MAX_MASKS = 32;

/**
 * 1 for each agreement that passes `condition` (a filter on one field, not the years), computed by core once
 * per distinct condition: a region or a flag rule is then a lookup on every later step.
 */
export function maskOf(index: AgreementIndex, condition: AgreementFilter): Uint8Array {
  const key = JSON.stringify(condition);
  let mask = index.masks.get(key);
  if (mask === undefined) {
    const passes = makePredicate<Agreement>(condition, index.ctx);
    mask = new Uint8Array(index.agreements.length);
    index.agreements.forEach((a, i) => {
      if (passes(a)) mask![i] = 1;
    });
    if (index.masks.size >= MAX_MASKS) index.masks.clear();
    index.masks.set(key, mask);
  }
  return mask;
}

/** 1 for each year slot whose agreements pass `years` (core's year condition; null passes every year). */
export function yearsPassing(index: AgreementIndex, years: AgreementFilter | null): Uint8Array {
  const out = new Uint8Array(index.years.length);
  const passes = years === null ? null : makePredicate<Agreement>(years, index.ctx);
  index.yearSample.forEach((i, slot) => {
    if (passes === null || passes(index.agreements[i]!)) out[slot] = 1;
  });
  return out;
}
