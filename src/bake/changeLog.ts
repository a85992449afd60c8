import { createHash } from 'node:crypto';
import { countryName } from '../core/countries/index.ts';
import type { CountryCode } from '../core/ids.ts';
import type { Dataset } from '../core/schemas.ts';
import type { VersionEntry } from '../core/versionChanges.ts';
import type { VersionSummary } from '../store/types.ts';

// What the change log page and the Atom feed say about one change: "Singapore · MoUs / Joint Statements ·
// 2015-06". Shared by both renderers so the page and the feed name records alike.

/** At most this many entries of one kind per version are listed; the rest are counted. */
export const LIST_LIMIT = 200;

export function describeEntry(dataset: Dataset, e: VersionEntry): string {
  const names = e.partners
    .filter((p) => p !== dataset.focalCountry)
    .map((p) => countryName(p as CountryCode) ?? p);
  const label = dataset.categories.find((c) => c.id === e.category)?.label ?? e.category;
  return [
    names.join(', ') || countryName(dataset.focalCountry) || dataset.focalCountry,
    label,
    e.date || 'undated',
  ].join(' · ');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 added, 1 changed, 0 removed". */
export function changeSummary(v: VersionSummary): string {
  const c = v.changes;
  return `${c.added.length} added, ${c.changed.length} changed, ${c.removed.length} removed`;
}

/**
 * A URN stable for one version of one dataset wherever it is served (live server, baked copy on any host): it
 * hashes the dataset id, the number and the publication time, which never change once recorded.
 */
export function versionUrn(datasetId: string, v: Pick<VersionSummary, 'number' | 'publishedAt'>): string {
  const h = createHash('sha1').update(`accord-atlas|${datasetId}|${v.number}|${v.publishedAt}`).digest('hex');
  // Shaped as a name-based (version 5) UUID so that feed readers that check the form accept it.
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
