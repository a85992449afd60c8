import type { CategoryId, CountryCode } from './ids.ts';
import type { Agreement, AgreementContent, Category, Dataset } from './schemas.ts';

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

export function computeStats(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly CountableAgreement[],
): Stats {
  const records: Record<string, number> = {};
  const partnerSets = new Map<string, Set<string>>();
  for (const c of dataset.categories) {
    records[c.id] = 0;
    partnerSets.set(c.id, new Set());
  }
  const all = new Set<string>();
  for (const a of agreements) {
    const set = partnerSets.get(a.category);
    if (set === undefined) continue; // a category the dataset does not define is not counted
    records[a.category] = (records[a.category] ?? 0) + 1;
    for (const p of a.partners) {
      if (p === dataset.focalCountry) continue;
      set.add(p);
      all.add(p);
    }
  }
  const counts: Record<string, number> = {};
  const partnersByCategory: Record<string, number> = {};
  let total = 0;
  for (const c of dataset.categories) {
    const n = partnerSets.get(c.id)?.size ?? 0;
    partnersByCategory[c.id] = n;
    counts[c.id] = c.count === 'partners' ? n : (records[c.id] ?? 0);
    total += records[c.id] ?? 0;
  }
  return { counts, partners: all.size, records, partnersByCategory, agreements: total };
}

export type CountryTally = { country: CountryCode; byCategory: Record<string, number>; total: number };

/** Records per category for each partner country, in the order of first appearance. */
export function tallyByCountry(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly CountableAgreement[],
): Map<CountryCode, CountryTally> {
  const known = new Set<string>(dataset.categories.map((c) => c.id));
  const out = new Map<CountryCode, CountryTally>();
  for (const a of agreements) {
    if (!known.has(a.category)) continue;
    for (const p of a.partners) {
      if (p === dataset.focalCountry) continue;
      let t = out.get(p);
      if (t === undefined) {
        t = { country: p, byCategory: {}, total: 0 };
        out.set(p, t);
      }
      t.byCategory[a.category] = (t.byCategory[a.category] ?? 0) + 1;
      t.total += 1;
    }
  }
  return out;
}

/** The categories a country has, in the dataset's category order. */
export function categoriesOf(tally: CountryTally | undefined, categories: readonly Category[]): CategoryId[] {
  if (tally === undefined) return [];
  return categories.filter((c) => (tally.byCategory[c.id] ?? 0) > 0).map((c) => c.id);
}

export type { Agreement };
