import { z } from 'zod';
import { agreementContent, diffFields, noteContent } from './diff.ts';
import { formatPartialIso } from './partialDate.ts';
import type {
  Agreement,
  AgreementContent,
  CountryNote,
  Dataset,
  DatasetDocument,
  Source,
} from './schemas.ts';

// What changed between two published versions of a dataset, for the change log and the feed: records matched by
// id, each named by category, partners and date (readers know an agreement by those, not by its id). Link-check
// results (HTTP status, last checked) are the checker's, not the researchers': they alone make no new version.

export const VersionEntrySchema = z.object({
  id: z.string(),
  category: z.string(),
  partners: z.array(z.string()),
  /** The ISO form of the partial date ("2015", "2015-08", "2015-08-14"), '' when undated. */
  date: z.string(),
});
export type VersionEntry = z.infer<typeof VersionEntrySchema>;
export const VersionChangedEntrySchema = VersionEntrySchema.extend({
  /** The fields that changed (category, partners, title, date, summary, sources, flags, status). */
  fields: z.array(z.string()),
});
export type VersionChangedEntry = z.infer<typeof VersionChangedEntrySchema>;
export const VersionChangesSchema = z.object({
  added: z.array(VersionEntrySchema),
  changed: z.array(VersionChangedEntrySchema),
  removed: z.array(VersionEntrySchema),
});
export type VersionChanges = z.infer<typeof VersionChangesSchema>;

/** What the version record holds besides the document: the two halves a reader compares. */
export type VersionComparable = Pick<DatasetDocument, 'dataset' | 'agreements' | 'notes'>;

function entryOf(a: Agreement): VersionEntry {
  return { id: a.id, category: a.category, partners: [...a.partners], date: formatPartialIso(a.date) };
}

function researchSources(sources: readonly Source[]): unknown[] {
  return sources.map((s) => ({ url: s.url, title: s.title, archivedUrl: s.archivedUrl }));
}

function comparableAgreement(a: AgreementContent): Record<string, unknown> {
  const c = agreementContent(a);
  return { ...c, sources: researchSources(c.sources) };
}

function sameSources(a: readonly Source[], b: readonly Source[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.url !== y.url || x.title !== y.title || x.archivedUrl !== y.archivedUrl) return false;
  }
  return true;
}

/** The researchers' content of two records is the same (a fast path: most records do not change). */
function sameAgreement(a: AgreementContent, b: AgreementContent): boolean {
  return (
    a.category === b.category &&
    a.partners.length === b.partners.length &&
    a.partners.every((p, i) => p === b.partners[i]) &&
    a.title === b.title &&
    a.date.text === b.date.text &&
    a.date.year === b.date.year &&
    a.date.month === b.date.month &&
    a.date.day === b.date.day &&
    a.summary === b.summary &&
    a.status === b.status &&
    a.flags.nonGovernmental === b.flags.nonGovernmental &&
    a.flags.multilateral === b.flags.multilateral &&
    a.flags.mentionsOnly === b.flags.mentionsOnly &&
    sameSources(a.sources, b.sources)
  );
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Agreements added, changed (naming the fields) and removed from `before` to `after`, each list sorted by id. */
export function versionChanges(before: readonly Agreement[], after: readonly Agreement[]): VersionChanges {
  const old = new Map(before.map((a) => [a.id, a]));
  const added: VersionEntry[] = [];
  const changed: VersionChangedEntry[] = [];
  for (const a of after) {
    const prev = old.get(a.id);
    if (prev === undefined) {
      added.push(entryOf(a));
      continue;
    }
    old.delete(a.id);
    if (prev === a || sameAgreement(prev, a)) continue;
    const fields = diffFields(comparableAgreement(prev), comparableAgreement(a)).map((f) => f.field);
    if (fields.length > 0) changed.push({ ...entryOf(a), fields });
  }
  const removed = [...old.values()].map(entryOf);
  return { added: added.sort(byId), changed: changed.sort(byId), removed: removed.sort(byId) };
}

export function noChanges(c: VersionChanges): boolean {
  return c.added.length === 0 && c.changed.length === 0 && c.removed.length === 0;
}

function notesKey(notes: readonly CountryNote[]): string {
  return JSON.stringify(
    [...notes].sort(byId).map((n) => {
      const c = noteContent(n);
      return { id: n.id, country: c.country, text: c.text, sources: researchSources(c.sources) };
    }),
  );
}

function datasetKey(d: Dataset): string {
  const { lastPublished: _published, ...rest } = d;
  return JSON.stringify(rest);
}

/**
 * Whether `next` says anything `previous` did not: a record, a country note or what readers see of the dataset
 * (title, citation, categories …). The publication time itself does not count.
 */
export function sameContent(
  previous: VersionComparable,
  next: VersionComparable,
  changes: VersionChanges = versionChanges(previous.agreements, next.agreements),
): boolean {
  return (
    noChanges(changes) &&
    notesKey(previous.notes) === notesKey(next.notes) &&
    datasetKey(previous.dataset) === datasetKey(next.dataset)
  );
}
