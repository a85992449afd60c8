import { agreementContent, noteContent } from '../core/diff.ts';
import type { AgreementId, NoteId } from '../core/ids.ts';
import {
  type Agreement,
  AgreementSchema,
  type CountryNote,
  CountryNoteSchema,
  type Revision,
} from '../core/schemas.ts';
import { getAgreement, insertAgreements, removeAgreement, replaceAgreement } from './agreements.ts';
import { getNote, insertNotes, removeNote, replaceNote } from './notes.ts';
import { getRevision, listRevisions, writeRevisions } from './revisions.ts';
import { makeAgreement, makeNote } from './rows.ts';
import { ensureDataset, nowIso, type Tx } from './tx.ts';
import { type Actor, ConflictError, NotFoundError, StaleVersionError } from './types.ts';

// Reverting a revision undoes it: the record goes back to the revision's `before` state (a create's revert
// deletes the record, a delete's revert recreates it), recorded as a new revision with action 'revert'.

/** A version higher than any the record ever had, so an old ETag can never match a recreated record. */
async function nextVersion(tx: Tx, entityId: string, floor: number): Promise<number> {
  const [newest] = await listRevisions(tx.db, entityId);
  const snap = (newest?.after ?? newest?.before ?? null) as { version?: unknown } | null;
  const seen = typeof snap?.version === 'number' ? snap.version : 0;
  return Math.max(floor, seen) + 1;
}

async function revertAgreement(tx: Tx, rev: Revision, by: Actor): Promise<Agreement | null> {
  const id = rev.entityId as AgreementId;
  const target = rev.before === null ? null : AgreementSchema.parse(rev.before);
  const current = await getAgreement(tx, id);
  const at = nowIso();
  let after: Agreement | null = null;
  if (target === null) {
    if (current === null) return null;
    if (!(await removeAgreement(tx, id, current.version)))
      throw new StaleVersionError(await getAgreement(tx, id));
  } else if (current !== null) {
    after = makeAgreement(current.dataset, id, agreementContent(target), {
      createdAt: current.createdAt,
      updatedAt: at,
      version: current.version + 1,
    });
    if (!(await replaceAgreement(tx, after, current.version)))
      throw new StaleVersionError(await getAgreement(tx, id));
  } else {
    await ensureDataset(tx, target.dataset);
    after = makeAgreement(target.dataset, id, agreementContent(target), {
      createdAt: target.createdAt,
      updatedAt: at,
      version: await nextVersion(tx, id, target.version),
    });
    await insertAgreements(tx, [after]);
  }
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      {
        dataset: rev.dataset,
        entity: 'agreement',
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

async function revertNote(tx: Tx, rev: Revision, by: Actor): Promise<CountryNote | null> {
  const id = rev.entityId as NoteId;
  const target = rev.before === null ? null : CountryNoteSchema.parse(rev.before);
  const current = await getNote(tx, id);
  const at = nowIso();
  let after: CountryNote | null = null;
  if (target === null) {
    if (current === null) return null;
    if (!(await removeNote(tx, id, current.version))) throw new StaleVersionError(await getNote(tx, id));
  } else if (current !== null) {
    after = makeNote(current.dataset, id, noteContent(target), {
      createdAt: current.createdAt,
      updatedAt: at,
      version: current.version + 1,
    });
    if (!(await replaceNote(tx, after, current.version))) throw new StaleVersionError(await getNote(tx, id));
  } else {
    await ensureDataset(tx, target.dataset);
    after = makeNote(target.dataset, id, noteContent(target), {
      createdAt: target.createdAt,
      updatedAt: at,
      version: await nextVersion(tx, id, target.version),
    });
    await insertNotes(tx, [after]);
  }
  await writeRevisions(
    tx.db,
    tx.dialect,
    [{ dataset: rev.dataset, entity: 'note', entityId: id, action: 'revert', at, before: current, after }],
    by,
  );
  return after;
}

export async function revert(
  tx: Tx,
  entityId: string,
  revisionId: number,
  by: Actor,
): Promise<Agreement | CountryNote | null> {
  const rev = await getRevision(tx.db, revisionId);
  if (rev === null || rev.entityId !== entityId)
    throw new NotFoundError(`revision ${revisionId} of "${entityId}"`);
  if (rev.entity === 'agreement') return revertAgreement(tx, rev, by);
  if (rev.entity === 'note') return revertNote(tx, rev, by);
  throw new ConflictError(
    `revision ${revisionId} changed the configuration of dataset "${entityId}"; configuration changes are not ` +
      'reverted here: put the configuration from that revision again instead',
  );
}
