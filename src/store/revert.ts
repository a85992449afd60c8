import { agreementContent, noteContent } from '../core/diff.ts';
import type { AgreementId, DatasetId, NoteId } from '../core/ids.ts';
import { revisionDiff } from '../core/revisionDiff.ts';
import {
  type Agreement,
  AgreementContentSchema,
  AgreementSchema,
  type CountryNote,
  CountryNoteSchema,
  NoteContentSchema,
  type Revision,
} from '../core/schemas.ts';
import { getAgreement, insertAgreements, removeAgreement, replaceAgreement } from './agreements.ts';
import { getNote, insertNotes, removeNote, replaceNote } from './notes.ts';
import { getRevision, listRevisions, writeRevisions } from './revisions.ts';
import { makeAgreement, makeNote } from './rows.ts';
import { ensureDataset, nowIso, type Tx } from './tx.ts';
import {
  type Actor,
  ConflictError,
  type LaterChange,
  NotFoundError,
  RevertConflictError,
  type RevertOptions,
  StaleVersionError,
} from './types.ts';

// Reverting a revision undoes what it changed and nothing else: the fields that revision changed go back to
// its `before`, every other field keeps its value now, so a later edit of another field survives. A field that
// a later revision changed again (and that no longer holds what this revision set) is a conflict: the caller
// confirms and sends `force`. A create's revert
// deletes the record, a delete's revert recreates it whole. Each revert is a new revision (action 'revert').

type Kind<T extends Agreement | CountryNote> = {
  entity: 'agreement' | 'note';
  parse(snapshot: unknown): T;
  /** The record's content fields as an object, each a fresh copy. */
  content(record: T): Record<string, unknown>;
  get(tx: Tx, id: string): Promise<T | null>;
  make(dataset: DatasetId, id: string, content: unknown, meta: Meta): T;
  insert(tx: Tx, record: T): Promise<void>;
  replace(tx: Tx, record: T, expectedVersion: number): Promise<boolean>;
  remove(tx: Tx, id: string, expectedVersion: number): Promise<boolean>;
};
type Meta = { createdAt: string; updatedAt: string; version: number };

const AGREEMENTS: Kind<Agreement> = {
  entity: 'agreement',
  parse: (s) => AgreementSchema.parse(s),
  content: (a) => agreementContent(a),
  get: (tx, id) => getAgreement(tx, id as AgreementId),
  make: (dataset, id, content, meta) =>
    makeAgreement(dataset, id as AgreementId, AgreementContentSchema.parse(content), meta),
  insert: (tx, a) => insertAgreements(tx, [a]),
  replace: (tx, a, v) => replaceAgreement(tx, a, v),
  remove: (tx, id, v) => removeAgreement(tx, id as AgreementId, v),
};

const NOTES: Kind<CountryNote> = {
  entity: 'note',
  parse: (s) => CountryNoteSchema.parse(s),
  content: (n) => noteContent(n),
  get: (tx, id) => getNote(tx, id as NoteId),
  make: (dataset, id, content, meta) =>
    makeNote(dataset, id as NoteId, NoteContentSchema.parse(content), meta),
  insert: (tx, n) => insertNotes(tx, [n]),
  replace: (tx, n, v) => replaceNote(tx, n, v),
  remove: (tx, id, v) => removeNote(tx, id as NoteId, v),
};

const stable = (v: unknown): string => JSON.stringify(v ?? null);

/** The record's revisions after `rev`, oldest first. */
async function laterRevisions(tx: Tx, rev: Revision): Promise<Revision[]> {
  return (await listRevisions(tx.db, rev.entityId)).filter((r) => r.id > rev.id).reverse();
}

/** A version higher than any the record ever had, so an old ETag can never match a recreated record. */
function nextVersion(later: readonly Revision[], floor: number): number {
  const newest = later.at(-1);
  const snap = (newest?.after ?? newest?.before ?? null) as { version?: unknown } | null;
  const seen = typeof snap?.version === 'number' ? snap.version : 0;
  return Math.max(floor, seen) + 1;
}

/** Later changes to any of `fields`, in the order they were made. */
function laterChanges(later: readonly Revision[], fields: ReadonlySet<string>): LaterChange[] {
  return later.flatMap((r) =>
    revisionDiff(r)
      .filter((d) => fields.has(d.field))
      .map((d) => ({ field: d.field, revision: r.id, actor: r.actor, at: r.at })),
  );
}

async function revertOne<T extends Agreement | CountryNote>(
  tx: Tx,
  kind: Kind<T>,
  rev: Revision,
  by: Actor,
  opts: RevertOptions,
): Promise<T | null> {
  const id = rev.entityId;
  const current = await kind.get(tx, id);
  // Nothing exists to overwrite when the record is gone, so only a living record's version is checked.
  if (current !== null && opts.expectedVersion !== undefined && current.version !== opts.expectedVersion)
    throw new StaleVersionError(current);
  const later = await laterRevisions(tx, rev);
  const stale = async (): Promise<never> => {
    throw new StaleVersionError(await kind.get(tx, id));
  };
  const at = nowIso();
  let after: T | null = null;

  if (rev.before === null) {
    // A create's revert deletes the record.
    if (current === null) return null;
    if (!(await kind.remove(tx, id, current.version))) await stale();
  } else {
    const before = kind.parse(rev.before);
    let content: Record<string, unknown>;
    if (rev.after === null) {
      // A delete's revert brings the record back as it was.
      content = kind.content(before);
    } else {
      const changed = revisionDiff(rev).map((d) => d.field);
      // A field conflicts when a later revision changed it and it no longer holds what this revision set (a
      // delete undone since, or a change made and taken back, leaves nothing to lose).
      const now = current === null ? null : kind.content(current);
      const set = kind.content(kind.parse(rev.after));
      const overwritten = changed.filter((f) => now === null || stable(now[f]) !== stable(set[f]));
      const conflicts = laterChanges(later, new Set(overwritten));
      if (conflicts.length > 0 && opts.force !== true) throw new RevertConflictError(conflicts, current);
      // The state to start from: the record now, or as it was when it was deleted since.
      const base = current ?? lastKnown(kind, later) ?? before;
      content = kind.content(base);
      const old = kind.content(before);
      for (const field of changed) content[field] = old[field];
    }
    if (current !== null) {
      after = kind.make(current.dataset, id, content, {
        createdAt: current.createdAt,
        updatedAt: at,
        version: current.version + 1,
      });
      if (!(await kind.replace(tx, after, current.version))) await stale();
    } else {
      await ensureDataset(tx, before.dataset);
      after = kind.make(before.dataset, id, content, {
        createdAt: before.createdAt,
        updatedAt: at,
        version: nextVersion(later, before.version),
      });
      await kind.insert(tx, after);
    }
  }
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      {
        dataset: rev.dataset,
        entity: kind.entity,
        entityId: id,
        action: 'revert',
        at,
        before: current,
        after,
      },
    ],
    by,
  );
  return after;
}

/** The record as its newest revision last saw it (for a record deleted after the reverted revision). */
function lastKnown<T extends Agreement | CountryNote>(kind: Kind<T>, later: readonly Revision[]): T | null {
  const newest = later.at(-1);
  const snap = newest?.after ?? newest?.before ?? null;
  return snap === null ? null : kind.parse(snap);
}

export async function revert(
  tx: Tx,
  entityId: string,
  revisionId: number,
  by: Actor,
  opts: RevertOptions = {},
): Promise<Agreement | CountryNote | null> {
  const rev = await getRevision(tx.db, revisionId);
  if (rev === null || rev.entityId !== entityId)
    throw new NotFoundError(`revision ${revisionId} of "${entityId}"`);
  if (rev.entity === 'agreement') return revertOne(tx, AGREEMENTS, rev, by, opts);
  if (rev.entity === 'note') return revertOne(tx, NOTES, rev, by, opts);
  throw new ConflictError(
    `revision ${revisionId} changed the configuration of dataset "${entityId}"; configuration changes are not ` +
      'reverted here: put the configuration from that revision again instead',
  );
}
