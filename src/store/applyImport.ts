import { agreementContent, type ImportPlan, noteContent } from '../core/diff.ts';
import type { AgreementId, DatasetId } from '../core/ids.ts';
import {
  type Agreement,
  type AgreementContent,
  AgreementContentSchema,
  type CountryNote,
  type NoteContent,
  NoteContentSchema,
} from '../core/schemas.ts';
import { insertAgreements } from './agreements.ts';
import { chunks, MAX_PARAMS } from './batch.ts';
import { insertNotes } from './notes.ts';
import { type RevisionEntry, writeRevisions } from './revisions.ts';
import { canonicalSources, makeNote, rowToAgreementUnchecked, rowToNote, sortedBy } from './rows.ts';
import { ensureDataset, isUniqueViolation, nowIso, type Tx } from './tx.ts';
import { type Actor, ConflictError, NotFoundError, StaleVersionError } from './types.ts';

// An import plan is applied in one transaction (the caller opens it): if anything throws, nothing is written.
// A changed record is deleted and inserted again with version + 1 and its original creation time, so that
// changes, like additions, go to the database as a few multi-row statements instead of one UPDATE each.

const STALE_PLAN = 'changed since the import was planned; plan the import again (run it without --dry-run)';

function sameContent(a: AgreementContent | NoteContent, b: AgreementContent | NoteContent): boolean {
  const key = (x: AgreementContent | NoteContent): string =>
    JSON.stringify({ ...x, sources: canonicalSources(x.sources) });
  return key(a) === key(b);
}

/**
 * Validates plan content and makes it a whole record. The record shares the plan's nested objects instead of
 * keeping the schema's copy: a 100,000-record import then holds half as much memory (and collects less).
 */
function validAgreement(
  dataset: DatasetId,
  id: AgreementId,
  c: AgreementContent,
  meta: { createdAt: string; updatedAt: string; version: number },
): Agreement {
  const parsed = AgreementContentSchema.safeParse(c);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`import plan: agreement "${id}" field "${issue?.path.join('.')}": ${issue?.message}`);
  }
  return {
    category: c.category,
    partners: c.partners,
    title: c.title,
    date: c.date,
    summary: c.summary,
    sources: c.sources,
    flags: c.flags,
    status: c.status,
    id,
    dataset,
    ...meta,
  };
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

async function applyChecked(tx: Tx, dataset: DatasetId, plan: ImportPlan, by: Actor): Promise<void> {
  await ensureDataset(tx, dataset);
  const at = nowIso();
  const entry = <T extends { id: string }>(
    entity: 'agreement' | 'note',
    before: T | null,
    after: T | null,
  ): RevisionEntry => ({
    dataset,
    entity,
    entityId: (after ?? before)!.id,
    action: before === null ? 'create' : after === null ? 'delete' : 'update',
    at,
    before,
    after,
  });

  const agreements = await touchedAgreements(tx, dataset, [...plan.removed, ...plan.changed]);
  await deleteExact(tx, 'agreements', agreements);
  const writes: Array<Write<Agreement>> = [];
  for (const c of plan.changed) {
    const before = agreements.get(c.id)!;
    const meta = { createdAt: before.createdAt, updatedAt: at, version: before.version + 1 };
    writes.push({ before, after: validAgreement(dataset, c.id, c.after, meta) });
  }
  for (const a of plan.added) {
    const meta = { createdAt: at, updatedAt: at, version: 1 };
    writes.push({ before: null, after: validAgreement(dataset, a.id, a.content, meta) });
  }
  // Sorted once here; the inserts and revisions below then find their input already in key order.
  const sorted = sortedBy(writes, (w) => w.after.id);
  await insertAgreements(
    tx,
    sorted.map((w) => w.after),
  );
  const removed = sortedBy(plan.removed, (r) => r.id).map((r) =>
    entry('agreement', agreements.get(r.id)!, null),
  );
  await writeRevisions(
    tx.db,
    tx.dialect,
    [...removed, ...sorted.map((w) => entry('agreement', w.before, w.after))],
    by,
  );

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
      ...plan.notes.removed.map((r) => entry('note', notes.get(r.id)!, null)),
      ...noteWrites.map((w) => entry('note', w.before, w.after)),
    ],
    by,
  );
}
