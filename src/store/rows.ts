import type { Insertable, Selectable } from 'kysely';
import type { AgreementId, DatasetId, NoteId } from '../core/ids.ts';
import {
  type Agreement,
  type AgreementContent,
  AgreementSchema,
  type CountryNote,
  CountryNoteSchema,
  type NoteContent,
  type Revision,
  RevisionSchema,
  type Source,
} from '../core/schemas.ts';
import type { AgreementsTable, NotesTable, RevisionsTable } from './tables.ts';

// The one place where rows become domain objects and back. Every read goes through a core schema, so what
// leaves the store has exactly the schema's shape and key order, whichever dialect stored it.

export type AgreementRow = Selectable<AgreementsTable>;
export type NoteRow = Selectable<NotesTable>;

/** Source objects in schema key order, so stored JSON is byte-identical for equal content. */
export function canonicalSources(sources: readonly Source[]): Source[] {
  return sources.map((s) => ({
    url: s.url,
    title: s.title,
    archivedUrl: s.archivedUrl,
    lastChecked: s.lastChecked,
    httpStatus: s.httpStatus,
  }));
}

const bit = (b: boolean): number => (b ? 1 : 0);

export function agreementToRow(a: Agreement): Insertable<AgreementsTable> {
  return {
    id: a.id,
    dataset: a.dataset,
    category: a.category,
    partners: JSON.stringify(a.partners),
    title: a.title,
    date_text: a.date.text,
    date_year: a.date.year,
    date_month: a.date.month,
    date_day: a.date.day,
    summary: a.summary,
    // Agreements reaching here come from makeAgreement or a schema parse: sources already in schema key order.
    sources: JSON.stringify(a.sources),
    non_governmental: bit(a.flags.nonGovernmental),
    multilateral: bit(a.flags.multilateral),
    mentions_only: bit(a.flags.mentionsOnly),
    status: a.status,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    version: a.version,
  };
}

/** Builds the object in schema order without validating: for internal snapshots of rows just read. */
export function rowToAgreementUnchecked(r: AgreementRow): Agreement {
  return {
    category: r.category,
    partners: JSON.parse(r.partners),
    title: r.title,
    date: { text: r.date_text, year: r.date_year, month: r.date_month, day: r.date_day },
    summary: r.summary,
    sources: JSON.parse(r.sources),
    flags: {
      nonGovernmental: Boolean(r.non_governmental),
      multilateral: Boolean(r.multilateral),
      mentionsOnly: Boolean(r.mentions_only),
    },
    status: r.status,
    id: r.id,
    dataset: r.dataset,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  } as Agreement;
}

export function rowToAgreement(r: AgreementRow): Agreement {
  const parsed = AgreementSchema.safeParse(rowToAgreementUnchecked(r));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `stored agreement "${r.id}" is invalid at ${issue?.path.join('.') || 'its root'}: ${issue?.message}. ` +
        'Fix the record in the database or re-import the dataset.',
    );
  }
  return parsed.data;
}

export function makeAgreement(
  dataset: DatasetId,
  id: AgreementId,
  content: AgreementContent,
  meta: { createdAt: string; updatedAt: string; version: number },
): Agreement {
  return {
    category: content.category,
    partners: [...content.partners],
    title: content.title,
    date: {
      text: content.date.text,
      year: content.date.year,
      month: content.date.month,
      day: content.date.day,
    },
    summary: content.summary,
    sources: canonicalSources(content.sources),
    flags: {
      nonGovernmental: content.flags.nonGovernmental,
      multilateral: content.flags.multilateral,
      mentionsOnly: content.flags.mentionsOnly,
    },
    status: content.status,
    id,
    dataset,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    version: meta.version,
  };
}

/** The distinct partner codes of an agreement, for the join table that filters by country. */
export function partnerRows(
  a: Pick<Agreement, 'id' | 'partners'>,
): Array<{ agreement_id: string; country: string }> {
  return [...new Set<string>(a.partners)]
    .sort(compareText)
    .map((country) => ({ agreement_id: a.id, country }));
}

export function noteToRow(n: CountryNote): Insertable<NotesTable> {
  return {
    id: n.id,
    dataset: n.dataset,
    country: n.country,
    text: n.text,
    sources: JSON.stringify(canonicalSources(n.sources)),
    created_at: n.createdAt,
    updated_at: n.updatedAt,
    version: n.version,
  };
}

export function rowToNote(r: NoteRow): CountryNote {
  const parsed = CountryNoteSchema.safeParse({
    country: r.country,
    text: r.text,
    sources: JSON.parse(r.sources),
    id: r.id,
    dataset: r.dataset,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `stored note "${r.id}" is invalid at ${issue?.path.join('.') || 'its root'}: ${issue?.message}. ` +
        'Fix the record in the database or re-import the dataset.',
    );
  }
  return parsed.data;
}

export function makeNote(
  dataset: DatasetId,
  id: NoteId,
  content: NoteContent,
  meta: { createdAt: string; updatedAt: string; version: number },
): CountryNote {
  return {
    country: content.country,
    text: content.text,
    sources: canonicalSources(content.sources),
    id,
    dataset,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    version: meta.version,
  };
}

export function rowToRevision(r: Selectable<RevisionsTable>): Revision {
  return RevisionSchema.parse({
    id: Number(r.id),
    dataset: r.dataset,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    actor: r.actor,
    at: r.at,
    reason: r.reason,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  });
}

/** Code-unit order, identical in both dialects (a PostgreSQL collation may sort '-' differently). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return compareText(a.id, b.id);
}

/** Items in ascending key order: a copy sorted only when the input is not sorted already (an O(n) check). */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (key(items[i - 1]!) > key(items[i]!)) return [...items].sort((a, b) => compareText(key(a), key(b)));
  }
  return items;
}
