import { agreementContent, type ImportPlan, noteContent } from '../core/diff.ts';
import type { DatasetId } from '../core/ids.ts';
import {
  type Agreement,
  type AgreementContent,
  AgreementContentSchema,
  type CountryNote,
  type NoteContent,
  NoteContentSchema,
} from '../core/schemas.ts';
import { chunks, insertChunked, MAX_PARAMS } from './batch.ts';
import { insertNotes } from './notes.ts';
import { AFTER_BY_REFERENCE, type RevisionEntry, writeRevisions, writeRevisionsOf } from './revisions.ts';
import {
  AGREEMENT_COLUMNS,
  canonicalSources,
  makeNote,
  type RecordMeta,
  rowToAgreementUnchecked,
  rowToNote,
  sortedBy,
  writeAgreementParams,
} from './rows.ts';
import { ensureDataset, isUniqueViolation, nowIso, type Tx } from './tx.ts';
import { type Actor, ConflictError, NotFoundError, StaleVersionError } from './types.ts';

// An import plan is applied in one transaction (the caller opens it): if anything throws, nothing is written.
// A changed record is deleted and inserted again with version + 1 and its original creation time, so that
// changes, like additions, go to the database as a few multi-row statements instead of one UPDATE each.
// Rows and revisions are written straight from the plan, chunk by chunk: a 100,000-record import builds no
// record object, row object or revision entry that outlives its chunk. Its revisions keep the state after each
// change by reference (REVISION_FORMAT.afterByReference): each record is stored once, in its own table.

const STALE_PLAN = 'changed since the import was planned; plan the import again (run it without --dry-run)';

function sameContent(a: AgreementContent | NoteContent, b: AgreementContent | NoteContent): boolean {
  const key = (x: AgreementContent | NoteContent): string =>
    JSON.stringify({ ...x, sources: canonicalSources(x.sources) });
  return key(a) === key(b);
}

/** Refuses plan content the schema refuses, naming the record and the field. */
function checkAgreement(id: string, c: AgreementContent): AgreementContent {
  const parsed = AgreementContentSchema.safeParse(c);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`import plan: agreement "${id}" field "${issue?.path.join('.')}": ${issue?.message}`);
  }
  return c;
}

function validNote(id: string, content: NoteContent): NoteContent {
  const parsed = NoteContentSchema.safeParse(content);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`import plan: note "${id}" field "${issue?.path.join('.')}": ${issue?.message}`);
}

type Expected = ReadonlyArray<{ id: string; before: AgreementContent | NoteContent }>;

/** Checks each record the plan touches is still as the plan saw it. */
function checkUnchanged<T extends Agreement | CountryNote>(
  what: 'agreement' | 'note',
  dataset: DatasetId,
  expected: Expected,
  found: ReadonlyMap<string, T>,
  contentOf: (record: T) => AgreementContent | NoteContent,
): void {
  for (const e of expected) {
    const cur = found.get(e.id);
    if (cur === undefined)
      throw new NotFoundError(`${what} "${e.id}" in dataset "${dataset}" (the import plan is out of date)`);
    if (!sameContent(contentOf(cur), e.before))
      throw new StaleVersionError(cur, `${what} "${e.id}" ${STALE_PLAN}`);
  }
}

async function touchedAgreements(
  tx: Tx,
  dataset: DatasetId,
  expected: Expected,
): Promise<Map<string, Agreement>> {
  const found = new Map<string, Agreement>();
  for (const ids of chunks(
    expected.map((e) => e.id),
    MAX_PARAMS[tx.dialect] - 1,
  )) {
    const rows = await tx.db
      .selectFrom('agreements')
      .selectAll()
      .where('dataset', '=', dataset)
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) found.set(r.id, rowToAgreementUnchecked(r));
  }
  checkUnchanged('agreement', dataset, expected, found, agreementContent);
  return found;
}

async function touchedNotes(
  tx: Tx,
  dataset: DatasetId,
  expected: Expected,
): Promise<Map<string, CountryNote>> {
  const found = new Map<string, CountryNote>();
  for (const ids of chunks(
    expected.map((e) => e.id),
    MAX_PARAMS[tx.dialect] - 1,
  )) {
    const rows = await tx.db
      .selectFrom('notes')
      .selectAll()
      .where('dataset', '=', dataset)
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) found.set(r.id, rowToNote(r));
  }
  checkUnchanged('note', dataset, expected, found, noteContent);
  return found;
}

/** Deletes the records just read, failing if any was changed meanwhile (possible under PostgreSQL read committed). */
async function deleteExact(
  tx: Tx,
  table: 'agreements' | 'notes',
  current: ReadonlyMap<string, Agreement | CountryNote>,
): Promise<void> {
  for (const ids of chunks([...current.keys()], MAX_PARAMS[tx.dialect])) {
    const gone = await tx.db.deleteFrom(table).where('id', 'in', ids).returning(['id', 'version']).execute();
    for (const g of gone) {
      const c = current.get(g.id);
      if (Number(g.version) !== c?.version)
        throw new StaleVersionError(c ?? null, `record "${g.id}" ${STALE_PLAN}`);
    }
    if (gone.length !== ids.length) throw new StaleVersionError(null, `a record ${STALE_PLAN}`);
  }
}

/** A plan that adds the same id twice is refused before anything is written. */
function checkNewIds(what: 'agreement' | 'note', ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      throw new ConflictError(`import plan: ${what} id "${id}" is added twice; give each record its own id`);
    }
    seen.add(id);
  }
}

export async function applyImport(tx: Tx, dataset: DatasetId, plan: ImportPlan, by: Actor): Promise<void> {
  checkNewIds(
    'agreement',
    plan.added.map((a) => a.id),
  );
  checkNewIds(
    'note',
    plan.notes.added.map((n) => n.id),
  );
  try {
    await applyChecked(tx, dataset, plan, by);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // The transaction is rolled back by the caller; say what happened in the researcher's terms.
    throw new ConflictError(
      'an id in the import is already used by a record of another dataset; nothing was imported. ' +
        'Give those records other ids (or leave the id column empty).',
    );
  }
}

type Write<T> = { before: T | null; after: T };

type Added = ImportPlan['added'][number];
type Changed = ImportPlan['changed'][number];
type Removed = ImportPlan['removed'][number];
type Touched = Added | Changed | Removed;

const isAdded = (t: Touched): t is Added => 'content' in t;
const isRemoved = (t: Touched): t is Removed => !('content' in t) && !('after' in t);
const contentOf = (w: Added | Changed): AgreementContent => (isAdded(w) ? w.content : w.after);

/** Removes, changes and adds the plan's agreements, each with a revision. */
async function applyAgreements(
  tx: Tx,
  dataset: DatasetId,
  plan: ImportPlan,
  by: Actor,
  at: string,
): Promise<void> {
  const current = await touchedAgreements(tx, dataset, [...plan.removed, ...plan.changed]);
  await deleteExact(tx, 'agreements', current);
  // One sort for all three lists: rows and revisions then both go in id order.
  const touched = sortedBy<Touched>([...plan.removed, ...plan.changed, ...plan.added], (t) => t.id);
  const written = touched.filter((t): t is Added | Changed => !isRemoved(t));
  const created: RecordMeta = { createdAt: at, updatedAt: at, version: 1 };
  const metaOf = (w: Added | Changed): RecordMeta => {
    const before = isAdded(w) ? undefined : current.get(w.id);
    return before === undefined
      ? created
      : { createdAt: before.createdAt, updatedAt: at, version: before.version + 1 };
  };

  // Content is checked as its chunk is written; a refusal rolls the whole import back like any other error.
  await insertChunked(tx.db, tx.dialect, 'agreements', AGREEMENT_COLUMNS, written.length, (i, params) => {
    const w = written[i]!;
    writeAgreementParams(w.id, dataset, checkAgreement(w.id, contentOf(w)), metaOf(w), params);
  });
  await writeRevisionsOf(
    tx.db,
    tx.dialect,
    touched.length,
    (i): RevisionEntry => {
      const t = touched[i]!;
      const before = isAdded(t) ? null : current.get(t.id)!;
      const after = isRemoved(t) ? null : AFTER_BY_REFERENCE;
      const action = before === null ? 'create' : after === null ? 'delete' : 'update';
      return { dataset, entity: 'agreement', entityId: t.id, action, at, before, after };
    },
    by,
  );
}

async function applyChecked(tx: Tx, dataset: DatasetId, plan: ImportPlan, by: Actor): Promise<void> {
  await ensureDataset(tx, dataset);
  const at = nowIso();
  await applyAgreements(tx, dataset, plan, by, at);

  const entry = <T extends { id: string }>(before: T | null, after: T | null): RevisionEntry => ({
    dataset,
    entity: 'note',
    entityId: (after ?? before)!.id,
    action: before === null ? 'create' : after === null ? 'delete' : 'update',
    at,
    before,
    after: after === null ? null : AFTER_BY_REFERENCE,
  });
  const notes = await touchedNotes(tx, dataset, [...plan.notes.removed, ...plan.notes.changed]);
  await deleteExact(tx, 'notes', notes);
  const noteWrites: Array<Write<CountryNote>> = [];
  for (const c of plan.notes.changed) {
    const before = notes.get(c.id)!;
    const meta = { createdAt: before.createdAt, updatedAt: at, version: before.version + 1 };
    noteWrites.push({ before, after: makeNote(dataset, c.id, validNote(c.id, c.after), meta) });
  }
  for (const n of plan.notes.added) {
    const meta = { createdAt: at, updatedAt: at, version: 1 };
    noteWrites.push({ before: null, after: makeNote(dataset, n.id, validNote(n.id, n.content), meta) });
  }
  await insertNotes(
    tx,
    noteWrites.map((w) => w.after),
  );
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      ...plan.notes.removed.map((r) => entry(notes.get(r.id)!, null)),
      ...noteWrites.map((w) => entry(w.before, w.after)),
    ],
    by,
  );
}
