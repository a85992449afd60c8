import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticAgreements, syntheticDataset } from '../../../../bench/synthetic.ts';
import { loadDataset, SEED_TXT } from '../../../../test/fixtures/index.ts';
import { getCountry } from '../../../core/countries/index.ts';
import { type FilterContext, makePredicate } from '../../../core/filters.ts';
import type { AgreementId, CategoryId, CountryCode, DatasetId } from '../../../core/ids.ts';
import type { Agreement, AgreementContent, Category, Dataset } from '../../../core/schemas.ts';
import { testDataset } from '../../../core/testing/fixtures.ts';
import { plainStats, plainTallies } from '../../../core/testing/plainCounts.ts';
import { randomAgreements, randomRegionOf, seededRandom } from '../../../core/testing/randomAgreements.ts';
import { parseFile } from '../../../formats/parseFile.ts';
import { type AppState, defaultState } from '../state/state.ts';
import { countPerYear, type PerYear, type YearCounts } from '../years/countPerYear.ts';
import { type YearDomain, yearDomain } from '../years/years.ts';
import { indexAgreements } from './agreementIndex.ts';
import { countBase } from './baseCounts.ts';
import { baseFilter, type Selection, selectFrom, selectionRange } from './selectAgreements.ts';

// The page's indexed selection (index, one pass per base filter, toggles as grid columns) against the
// straightforward one it replaced (filter the objects, count them with Sets and Maps), over random page states
// on the shipped seed, a synthetic set and small random sets full of odd cases.

function plainPerYear(
  agreements: readonly Agreement[],
  categories: readonly Category[],
  span: { from: number; to: number } | null,
): PerYear {
  const known = new Set(categories.map((c) => c.id as string));
  const byYear = new Map<number, YearCounts>();
  let undated = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const a of agreements) {
    if (!known.has(a.category)) continue;
    const y = a.date.year;
    if (y === null) {
      undated += 1;
      continue;
    }
    let row = byYear.get(y);
    if (row === undefined) {
      row = { year: y, byCategory: {}, total: 0 };
      byYear.set(y, row);
    }
    row.byCategory[a.category] = (row.byCategory[a.category] ?? 0) + 1;
    row.total += 1;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  const years: YearCounts[] = [];
  let max = 0;
  const from = span?.from ?? lo;
  const to = span?.to ?? hi;
  if (Number.isFinite(from) && Number.isFinite(to)) {
    for (let y = from; y <= to; y++) {
      const row = byYear.get(y) ?? { year: y, byCategory: {}, total: 0 };
      max = Math.max(max, row.total);
      years.push(row);
    }
  }
  return { years, undated, max };
}

/** What the page did before the index, and what the index must still give. */
function plainSelection(
  dataset: Dataset,
  agreements: readonly Agreement[],
  state: AppState,
  domain: YearDomain | null,
  ctx: FilterContext,
) {
  const base = agreements.filter(makePredicate<Agreement>(baseFilter(state, domain), ctx));
  const shown = state.categories === null ? null : new Set<string>(state.categories);
  const selected = shown === null ? base : base.filter((a) => shown.has(a.category));
  const range = selectionRange(state, domain);
  return {
    range,
    base,
    agreements: selected,
    cardStats: plainStats(dataset, base),
    stats: plainStats(dataset, selected),
    tallies: [...plainTallies(dataset, selected).entries()],
    perYear: plainPerYear(selected, dataset.categories, range),
  };
}

const comparable = (s: Selection) => ({
  range: s.range,
  base: s.base,
  agreements: s.agreements,
  cardStats: s.cardStats,
  stats: s.stats,
  tallies: [...s.tallies.entries()],
  perYear: s.perYear,
});

function randomState(rand: () => number, categories: readonly string[], domain: YearDomain | null): AppState {
  const s = defaultState();
  const maybe = (p: number): boolean => rand() < p;
  const lo = (domain?.min ?? 2000) - 2;
  const span = (domain?.max ?? 2010) - lo + 4;
  if (maybe(0.5)) s.categories = categories.filter(() => maybe(0.5)) as CategoryId[];
  if (maybe(0.6)) s.from = lo + Math.floor(rand() * span);
  if (maybe(0.6)) s.to = lo + Math.floor(rand() * span);
  if (maybe(0.3)) s.undated = false;
  if (maybe(0.25))
    s.region = (['Asia', 'Europe', 'Africa', 'Americas', 'Nowhere'] as const)[Math.floor(rand() * 5)]!;
  if (maybe(0.25)) s.nonGovernmental = maybe(0.5) ? 'exclude' : 'only';
  if (maybe(0.25)) s.multilateral = maybe(0.5) ? 'exclude' : 'only';
  return s;
}

function full(rows: readonly AgreementContent[], dataset: string): Agreement[] {
  return rows.map((a, i) => ({
    ...a,
    id: `${dataset}-${i}` as AgreementId,
    dataset: dataset as DatasetId,
    createdAt: '',
    updatedAt: '',
    version: 1,
  }));
}

/** Checks `states` random page states, walking them as a reader would: each step from the last one. */
function checkAgainstPlain(
  dataset: Dataset,
  agreements: Agreement[],
  ctx: FilterContext,
  states: number,
  seed: number,
) {
  const rand = seededRandom(seed);
  const domain = yearDomain(agreements);
  const ids = [...dataset.categories.map((c) => c.id as string), 'no-such-category'];
  const index = indexAgreements(dataset, agreements, ctx);
  for (let k = 0; k < states; k++) {
    const state = randomState(rand, ids, domain);
    const base = countBase(index, baseFilter(state, domain));
    const fast = selectFrom(dataset, index, base, state.categories, selectionRange(state, domain));
    const plain = plainSelection(dataset, agreements, state, domain, ctx);
    expect(comparable(fast)).toEqual(plain);
    expect(agreements.filter(fast.includes)).toEqual(plain.agreements);
    const chosen = new Set(plain.agreements);
    const shuffled = Array.from(agreements.keys()).sort(() => rand() - 0.5);
    expect(fast.inOrder(shuffled)).toEqual(shuffled.map((i) => agreements[i]!).filter((a) => chosen.has(a)));
    expect(countPerYear(plain.agreements, dataset.categories, plain.range)).toEqual(plain.perYear);
    // Toggling a category reuses the base counts: still the same as counting afresh.
    const toggled = { ...state, categories: ids.filter(() => rand() < 0.5) as CategoryId[] };
    const again = selectFrom(dataset, index, base, toggled.categories, selectionRange(toggled, domain));
    expect(comparable(again)).toEqual(plainSelection(dataset, agreements, toggled, domain, ctx));
  }
}

const regionOf = (code: CountryCode): string | null => getCountry(code)?.region ?? null;

describe('the indexed selection gives what filtering and counting the agreements gives', () => {
  it('on small random sets with odd cases', () => {
    for (let k = 0; k < 20; k++) {
      const rows = full(randomAgreements(k * 7, 200 + k), 'r');
      checkAgainstPlain(testDataset, rows, { regionOf: randomRegionOf }, 25, k);
    }
  });

  it('on the shipped seed', async () => {
    const dataset = loadDataset();
    const parsed = await parseFile(new Uint8Array(readFileSync(SEED_TXT)), 'seed.txt', dataset);
    checkAgainstPlain(dataset, full(parsed.agreements, 'seed'), { regionOf }, 150, 1);
  });

  it('on a synthetic set of 5,000', () => {
    const dataset = syntheticDataset('synthetic');
    checkAgainstPlain(dataset, full(syntheticAgreements(5000, 3), 'syn'), { regionOf }, 30, 2);
  });
});
