import type { Insertable, Selectable } from 'kysely';
import type { AgreementId, DatasetId, NoteId } from '../core/ids.ts';
import {
  type Agreement,
  type AgreementContent,
  AgreementSchema,
  type CountryNote,
  CountryNoteSchema,
  type NoteContent,
  type Source,
  StatusSchema,
} from '../core/schemas.ts';
import type { AgreementsTable, NotesTable } from './tables.ts';

// The one place where rows become domain objects and back. Every write is validated by a core schema; a read
// rebuilds the schema's shape and key order (checking types, not every rule again), whichever dialect stored it.

export type AgreementRow = Selectable<AgreementsTable>;
export type NoteRow = Selectable<NotesTable>;

/** Source objects in schema key order, so stored JSON is byte-identical for equal content. */
export function canonicalSources(sources: readonly Source[]): Source[] {
  return sources.map((s) => {
    const c: Source = {
      url: s.url,
      title: s.title,
      archivedUrl: s.archivedUrl,
      lastChecked: s.lastChecked,
      httpStatus: s.httpStatus,
    };
    // Written only once a link check has set it, so sources never checked stay byte-identical.
    if (s.finalUrl !== undefined) c.finalUrl = s.finalUrl;
    return c;
  });
}

const bit = (b: boolean): number => (b ? 1 : 0);

/** The columns an agreement row is written with, in the order the parameter writers below append values. */
export const AGREEMENT_COLUMNS = [
  'id',
  'dataset',
  'category',
  'partners',
  'title',
  'date_text',
  'date_year',
  'date_month',
  'date_day',
  'summary',
  'sources',
  'non_governmental',
  'multilateral',
  'mentions_only',
  'status',
  'created_at',
  'updated_at',
  'version',
] as const satisfies ReadonlyArray<keyof AgreementsTable>;

export type RecordMeta = { createdAt: string; updatedAt: string; version: number };

/**
 * Appends an agreement's row values in AGREEMENT_COLUMNS order. Content and metadata come separately, so a
 * big import writes rows straight from its plan without building a record object for each.
 */
export function writeAgreementParams(
  id: string,
  dataset: string,
  c: AgreementContent,
  meta: RecordMeta,
  params: unknown[],
): void {
  const d = c.date;
  params.push(
    id,
    dataset,
    c.category,
    JSON.stringify(c.partners),
    c.title,
    d.text,
    d.year ?? null,
    d.month ?? null,
    d.day ?? null,
    c.summary,
    // Sources come from makeAgreement or an import plan (core's agreementContent): in schema key order already.
    JSON.stringify(c.sources),
    bit(c.flags.nonGovernmental),
    bit(c.flags.multilateral),
    bit(c.flags.mentionsOnly),
    c.status,
    meta.createdAt,
    meta.updatedAt,
    meta.version,
  );
}

/** A row as an object (for single-row UPDATEs), made by the same writer as batch INSERTs. */
function zipRow<C extends string>(columns: readonly C[], values: readonly unknown[]): Record<C, unknown> {
  const row = {} as Record<C, unknown>;
  columns.forEach((c, i) => {
    row[c] = values[i];
  });
  return row;
}

export function agreementToRow(a: Agreement): Insertable<AgreementsTable> {
  const values: unknown[] = [];
  writeAgreementParams(a.id, a.dataset, a, a, values);
  return zipRow(AGREEMENT_COLUMNS, values) as unknown as Insertable<AgreementsTable>;
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

const STATUSES: ReadonlySet<string> = new Set(StatusSchema.options);
const isText = (v: unknown): v is string => typeof v === 'string';
const isIntOrNull = (v: unknown): boolean => v === null || Number.isInteger(v);
/** Every stored address ends up in an <a href>: even a row written around the store never reads back as a
 * `javascript:` link (a cheap prefix test; the schema's full check runs on every write and on the fallback). */
const isLink = (v: unknown): boolean => typeof v === 'string' && /^https?:\/\//i.test(v);

/** Sources in schema key order without unknown keys (what a zod parse gives), or null when one is malformed. */
function readSources(v: unknown): Source[] | null {
  if (!Array.isArray(v)) return null;
  const out: Source[] = [];
  for (const s of v as Source[]) {
    if (
      typeof s !== 'object' ||
      s === null ||
      !isLink(s.url) ||
      !isText(s.title) ||
      !(s.archivedUrl === null || isLink(s.archivedUrl)) ||
      !(s.lastChecked === null || isText(s.lastChecked)) ||
      !isIntOrNull(s.httpStatus) ||
      !(s.finalUrl === undefined || s.finalUrl === null || isLink(s.finalUrl))
    )
      return null;
    out.push(s);
  }
  return canonicalSources(out);
}

/**
 * A stored row as an agreement. The store validated the content against AgreementSchema when it wrote the row,
 * so reading checks the structure only (types, JSON columns): running every row through zod was half the time
 * of listing 100,000 agreements. A row that fails the structural check (written around the store) is parsed by
 * the schema after all, for an error naming the field.
 */
export function rowToAgreement(r: AgreementRow): Agreement {
  const partners: unknown = JSON.parse(r.partners);
  const sources = readSources(JSON.parse(r.sources));
  const version = Number(r.version);
  if (
    sources !== null &&
    Array.isArray(partners) &&
    partners.length > 0 &&
    partners.every(isText) &&
    isText(r.id) &&
    isText(r.dataset) &&
    isText(r.category) &&
    isText(r.title) &&
    isText(r.summary) &&
    isText(r.date_text) &&
    isIntOrNull(r.date_year) &&
    isIntOrNull(r.date_month) &&
    isIntOrNull(r.date_day) &&
    STATUSES.has(r.status) &&
    isText(r.created_at) &&
    isText(r.updated_at) &&
    Number.isInteger(version) &&
    version >= 1
  ) {
    return {
      category: r.category,
      partners: partners as Agreement['partners'],
      title: r.title,
      date: { text: r.date_text, year: r.date_year, month: r.date_month, day: r.date_day },
      summary: r.summary,
      sources,
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
      version,
    } as Agreement;
  }
  return rowToAgreementValidated(r);
}

/** Parses a row with AgreementSchema, throwing an error that names the record and the field. */
export function rowToAgreementValidated(r: AgreementRow): Agreement {
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

export const NOTE_COLUMNS = [
  'id',
  'dataset',
  'country',
  'text',
  'sources',
  'created_at',
  'updated_at',
  'version',
] as const satisfies ReadonlyArray<keyof NotesTable>;

export function writeNoteParams(n: CountryNote, params: unknown[]): void {
  params.push(
    n.id,
    n.dataset,
    n.country,
    n.text,
    JSON.stringify(canonicalSources(n.sources)),
    n.createdAt,
    n.updatedAt,
    n.version,
  );
}

export function noteToRow(n: CountryNote): Insertable<NotesTable> {
  const values: unknown[] = [];
  writeNoteParams(n, values);
  return zipRow(NOTE_COLUMNS, values) as unknown as Insertable<NotesTable>;
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

/** Code-unit order, identical in both dialects (a PostgreSQL collation may sort '-' differently). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return compareText(a.id, b.id);
}

/**
 * Items in ascending key order, ties in their given order: a copy sorted only when the input is not sorted
 * already (an O(n) check). Keys are taken once and compared inline, which sorts 100,000 import records about a
 * quarter faster than calling `key` and compareText for every comparison.
 */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  const keys = items.map(key);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1]! <= keys[i]!;
  if (inOrder) return items;
  const order = Array.from(keys.keys());
  order.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  return order.map((i) => items[i]!);
}
