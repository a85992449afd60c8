import { noteContent } from '../core/diff.ts';
import { makeNoteId } from '../core/identity.ts';
import type { DatasetId, NoteId } from '../core/ids.ts';
import { type CountryNote, type NoteContent, NoteContentSchema } from '../core/schemas.ts';
import { insertChunked } from './batch.ts';
import { writeRevisions } from './revisions.ts';
import { byId, makeNote, NOTE_COLUMNS, noteToRow, rowToNote, sortedBy, writeNoteParams } from './rows.ts';
import { definedOnly, ensureDataset, nowIso, type Tx } from './tx.ts';
import { type Actor, ConflictError, NotFoundError, StaleVersionError } from './types.ts';

// Country notes: the same write discipline as agreements (version check, revision), without the join table.

export async function listNotes(tx: Tx, dataset: DatasetId): Promise<CountryNote[]> {
  const rows = await tx.db.selectFrom('notes').selectAll().where('dataset', '=', dataset).execute();
  return rows.map(rowToNote).sort(byId);
}

export async function getNote(tx: Tx, id: NoteId): Promise<CountryNote | null> {
  const row = await tx.db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : rowToNote(row);
}

export async function insertNotes(tx: Tx, notes: readonly CountryNote[]): Promise<void> {
  const ordered = sortedBy(notes, (n) => n.id);
  await insertChunked(tx.db, tx.dialect, 'notes', NOTE_COLUMNS, ordered.length, (i, params) =>
    writeNoteParams(ordered[i]!, params),
  );
}

export async function replaceNote(tx: Tx, after: CountryNote, expectedVersion: number): Promise<boolean> {
  const { id: _id, dataset: _dataset, created_at: _created, ...fields } = noteToRow(after);
  const res = await tx.db
    .updateTable('notes')
    .set(fields)
    .where('id', '=', after.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function removeNote(tx: Tx, id: NoteId, expectedVersion: number): Promise<boolean> {
  const res = await tx.db
    .deleteFrom('notes')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function createNote(
  tx: Tx,
  dataset: DatasetId,
  input: NoteContent,
  by: Actor,
  requestedId?: NoteId,
): Promise<CountryNote> {
  const content = NoteContentSchema.parse(input);
  await ensureDataset(tx, dataset);
  if (requestedId !== undefined && (await getNote(tx, requestedId)) !== null) {
    throw new ConflictError(
      `a note with id "${requestedId}" already exists; choose another id or leave it out`,
    );
  }
  let id = requestedId;
  for (let n = 1; id === undefined; n++) {
    const candidate = makeNoteId(content, n);
    if ((await getNote(tx, candidate)) === null) id = candidate;
  }
  const at = nowIso();
  const note = makeNote(dataset, id, content, { createdAt: at, updatedAt: at, version: 1 });
  await insertNotes(tx, [note]);
  await writeRevisions(
    tx.db,
    tx.dialect,
    [{ dataset, entity: 'note', entityId: id, action: 'create', at, before: null, after: note }],
    by,
  );
  return note;
}

async function currentForWrite(tx: Tx, id: NoteId, expectedVersion: number): Promise<CountryNote> {
  const current = await getNote(tx, id);
  if (current === null) throw new NotFoundError(`note "${id}"`);
  if (current.version !== expectedVersion) throw new StaleVersionError(current);
  return current;
}

export async function updateNote(
  tx: Tx,
  id: NoteId,
  expectedVersion: number,
  patch: Partial<NoteContent>,
  by: Actor,
): Promise<CountryNote> {
  const current = await currentForWrite(tx, id, expectedVersion);
  const content = NoteContentSchema.parse({ ...noteContent(current), ...definedOnly(patch) });
  const at = nowIso();
  const after = makeNote(current.dataset, id, content, {
    createdAt: current.createdAt,
    updatedAt: at,
    version: current.version + 1,
  });
  if (!(await replaceNote(tx, after, expectedVersion))) throw new StaleVersionError(await getNote(tx, id));
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      {
        dataset: current.dataset,
        entity: 'note',
        entityId: id,
        action: 'update',
        at,
        before: current,
        after,
      },
    ],
    by,
  );
  return after;
}

export async function deleteNote(tx: Tx, id: NoteId, expectedVersion: number, by: Actor): Promise<void> {
  const current = await currentForWrite(tx, id, expectedVersion);
  if (!(await removeNote(tx, id, expectedVersion))) throw new StaleVersionError(await getNote(tx, id));
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      {
        dataset: current.dataset,
        entity: 'note',
        entityId: id,
        action: 'delete',
        at: nowIso(),
        before: current,
        after: null,
      },
    ],
    by,
  );
}
