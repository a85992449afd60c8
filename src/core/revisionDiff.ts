import { agreementContent, type FieldChange, noteContent } from './diff.ts';
import type { AgreementContent, NoteContent, Revision } from './schemas.ts';

// What one revision changed, field by field, in the record's own terms (content fields, not the version or the
// timestamps). The store decides from it which fields a revert undoes and which later revisions conflict; the
// API adds it to every revision it answers, so a client need not compare snapshots itself.

export const AGREEMENT_FIELDS = [
  'category',
  'partners',
  'title',
  'date',
  'summary',
  'sources',
  'flags',
  'status',
] as const satisfies ReadonlyArray<keyof AgreementContent>;

export const NOTE_FIELDS = ['country', 'text', 'sources'] as const satisfies ReadonlyArray<keyof NoteContent>;

const EMPTY_AGREEMENT: AgreementContent = {
  category: '' as AgreementContent['category'],
  partners: [],
  title: '',
  date: { text: '', year: null, month: null, day: null },
  summary: '',
  sources: [],
  flags: { nonGovernmental: false, multilateral: false, mentionsOnly: false },
  status: 'unknown',
};
const EMPTY_NOTE: NoteContent = { country: '' as NoteContent['country'], text: '', sources: [] };

const stable = (v: unknown): string => JSON.stringify(v ?? null);

function contentOf(entity: Revision['entity'], snap: unknown): Record<string, unknown> | null {
  if (snap === null || snap === undefined || typeof snap !== 'object') return null;
  if (entity === 'agreement') return agreementContent(snap as AgreementContent);
  if (entity === 'note') return noteContent(snap as NoteContent);
  const { updatedAt: _u, ...rest } = snap as Record<string, unknown>;
  return rest;
}

/**
 * The fields a revision changed, with their values before and after. A side that does not exist (the `before`
 * of a create, the `after` of a delete) is null, and then only fields that are not empty on the other side are
 * listed: a new record's diff shows what it was created with.
 */
export function revisionDiff(rev: Pick<Revision, 'entity' | 'before' | 'after'>): FieldChange[] {
  const before = contentOf(rev.entity, rev.before);
  const after = contentOf(rev.entity, rev.after);
  if (before === null && after === null) return [];
  const empty: Record<string, unknown> =
    rev.entity === 'agreement' ? EMPTY_AGREEMENT : rev.entity === 'note' ? EMPTY_NOTE : {};
  const fields =
    rev.entity === 'agreement'
      ? AGREEMENT_FIELDS
      : rev.entity === 'note'
        ? NOTE_FIELDS
        : [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = before === null ? empty[field] : before[field];
    const a = after === null ? empty[field] : after[field];
    if (stable(b) === stable(a)) continue;
    out.push({ field, before: before === null ? null : b, after: after === null ? null : a });
  }
  return out;
}
