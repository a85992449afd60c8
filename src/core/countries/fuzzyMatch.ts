import type { CountryCode } from '../ids.ts';
import { editDistance } from './editDistance.ts';
import type { IndexEntry } from './nameIndex.ts';

export type FuzzyResult = {
  /** The one closest name, when it is a plausible typo and no other place is as close. */
  best?: { entry: IndexEntry; distance: number };
  /** Countries equally close when there is no single best. */
  tied: CountryCode[];
  /** Near misses that are too far, or too unlike a typo, to accept: hints for a "did you mean". */
  near: CountryCode[];
};

/** Edits allowed for a key of this length: one in a short name, three in a long one. */
export function editLimit(length: number): number {
  return length <= 5 ? 1 : length <= 12 ? 2 : 3;
}

// Typos keep a short name's first letter ("Bali" is not "Mali", "Roman" not "Oman"), and touch each word
// of a longer one lightly: "South America" is two letters of one word away from "South Africa", no typo.
function looksLikeTypo(query: string, key: string, distance: number): boolean {
  if (query.length <= 5 && query[0] !== key[0]) return false;
  if (distance < 2) return true;
  const qs = query.split(' ');
  const ks = key.split(' ');
  if (qs.length !== ks.length) return true;
  return qs.every((q, i) => {
    const k = ks[i]!;
    return editDistance(q, k, 2) <= (Math.max(q.length, k.length) <= 7 ? 1 : 2);
  });
}

function targetOf(e: IndexEntry): string {
  return e.codes.length > 0 ? e.codes.join('+') : `~${e.label}`;
}

/** Compares normalised query keys with every indexed name of more than three letters. */
export function fuzzyMatch(
  queries: readonly string[],
  entries: ReadonlyMap<string, IndexEntry>,
): FuzzyResult {
  const accepted = new Map<string, { entry: IndexEntry; distance: number }>();
  const near = new Map<CountryCode, number>();
  // Countries whose name starts with the whole query as words: "Dominican" is one letter from Dominica,
  // but it may as well be the Dominican Republic.
  const longer = new Set<CountryCode>();
  for (const q of queries) {
    // Two or three letters are codes or abbreviations, where one edit makes another valid code.
    if (q.replace(/ /g, '').length <= 3) continue;
    const limit = editLimit(q.length);
    const asWords = `${q} `;
    for (const [key, entry] of entries) {
      if (key.startsWith(asWords)) for (const c of entry.codes) longer.add(c);
      if (key.length <= 3 || Math.abs(key.length - q.length) > limit + 1) continue;
      const d = editDistance(q, key, limit + 1);
      if (d > limit + 1) continue;
      if (d > limit || !looksLikeTypo(q, key, d)) {
        for (const c of entry.codes) near.set(c, Math.min(near.get(c) ?? d, d));
        continue;
      }
      const target = targetOf(entry);
      const seen = accepted.get(target);
      if (seen === undefined || d < seen.distance) accepted.set(target, { entry, distance: d });
    }
  }
  const matches = [...accepted.values()];
  const min = Math.min(...matches.map((m) => m.distance));
  const closest = matches.filter((m) => m.distance === min);
  for (const c of longer) near.set(c, 0);
  const nearList = [...near.entries()]
    .filter(([c]) => !closest.some((m) => m.entry.codes.includes(c)))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([c]) => c);
  const closestCodes = closest.flatMap((m) => m.entry.codes);
  const rivals = closest.length > 0 ? [...longer].filter((c) => !closestCodes.includes(c)) : [];
  if (closest.length === 1 && rivals.length === 0) return { best: closest[0]!, tied: [], near: nearList };
  const tied = [...new Set([...closestCodes, ...rivals])];
  return { tied, near: nearList };
}
