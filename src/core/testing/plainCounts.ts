import type { CountryCode } from '../ids.ts';
import type { Dataset } from '../schemas.ts';
import type { CountableAgreement, CountryTally, Stats } from '../stats.ts';

// The straightforward counting that stats.ts did before it counted through a tally grid, kept as the oracle
// the grid and the page's index are checked against (one Set per category, one object per country).

export function plainStats(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  rows: readonly CountableAgreement[],
): Stats {
  const records: Record<string, number> = {};
  const partnerSets = new Map<string, Set<string>>();
  for (const c of dataset.categories) {
    records[c.id] = 0;
    partnerSets.set(c.id, new Set());
  }
  const all = new Set<string>();
  for (const a of rows) {
    const set = partnerSets.get(a.category);
    if (set === undefined) continue;
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

export function plainTallies(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  rows: readonly CountableAgreement[],
): Map<CountryCode, CountryTally> {
  const known = new Set<string>(dataset.categories.map((c) => c.id));
  const out = new Map<CountryCode, CountryTally>();
  for (const a of rows) {
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
