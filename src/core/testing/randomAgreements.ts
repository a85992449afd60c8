import type { AgreementFilter, FlagRule } from '../filters.ts';
import type { CategoryId, CountryCode } from '../ids.ts';
import type { AgreementContent } from '../schemas.ts';
import { agreement } from './fixtures.ts';

// Seeded random agreements and filters for property tests of the fast paths (indexes, grids) against the
// straightforward code: odd cases on purpose (undated, a category the dataset lacks, the focal country as a
// partner, a partner listed twice, flags), so an optimisation that drops one of them fails a test.

/** mulberry32: the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = ['SG', 'FR', 'JP', 'US', 'BR', 'ZA', 'DE', 'KE', 'IN'] as CountryCode[];
const CATEGORIES = ['mlat', 'mou', 'framework', 'unknown-cat'];

/** Agreements over core/testing/fixtures.ts `testDataset` (focal country IN), years 2000–2009 or undated. */
export function randomAgreements(n: number, seed: number): AgreementContent[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, () => {
    const partners = [pick(CODES)];
    if (rand() < 0.2) partners.push(pick(CODES)); // sometimes the same code twice
    const year = rand() < 0.15 ? undefined : 2000 + Math.floor(rand() * 10);
    return agreement(rand() < 0.05 ? 'unknown-cat' : pick(CATEGORIES.slice(0, 3)), partners, {
      year,
      flags: { nonGovernmental: rand() < 0.2, multilateral: rand() < 0.2, mentionsOnly: false },
    });
  });
}

/** A region for each code of `randomAgreements` (two are unknown). */
export function randomRegionOf(code: CountryCode): string | null {
  return (
    ({ SG: 'Asia', JP: 'Asia', FR: 'Europe', DE: 'Europe', KE: 'Africa', ZA: 'Africa' } as const)[
      code as 'SG'
    ] ?? null
  );
}

/** A filter using any of core's conditions, each set or not at random. */
export function randomFilter(rand: () => number): AgreementFilter {
  const maybe = (p = 0.4): boolean => rand() < p;
  const rule = (): FlagRule => (['include', 'exclude', 'only'] as const)[Math.floor(rand() * 3)]!;
  const f: AgreementFilter = {};
  if (maybe(0.2)) f.categories = CATEGORIES.filter(() => maybe(0.5)) as CategoryId[];
  if (maybe(0.2)) f.partners = CODES.filter(() => maybe(0.3));
  if (maybe()) f.from = 1998 + Math.floor(rand() * 14);
  if (maybe()) f.to = 1998 + Math.floor(rand() * 14);
  if (maybe()) f.undated = maybe(0.5);
  if (maybe(0.3)) f.regions = ['Asia', 'Europe', 'Africa'].filter(() => maybe(0.5));
  if (maybe(0.3)) f.nonGovernmental = rule();
  if (maybe(0.3)) f.multilateral = rule();
  if (maybe(0.1)) f.text = maybe(0.5) ? '2003' : 'sg';
  return f;
}
