import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { type Revision, RevisionSchema } from '../core/schemas.ts';
import {
  AGREEMENT_COLUMNS,
  type AgreementRow,
  NOTE_COLUMNS,
  type NoteRow,
  rowToAgreement,
  rowToNote,
} from './rows.ts';
import type { Tables } from './tables.ts';

// How a revision row stores its snapshots, and how it becomes a Revision again. Whatever the format, a revision
// reads back with whole-record snapshots.

export const REVISION_FORMAT = {
  /** `before` and `after` each hold the whole record as JSON, or NULL where there is none. */
  whole: 1,
  /**
   * `before` as above; `after` is not stored with the revision, because the database keeps that state anyway:
   * it is the `before` of the record's next revision, or, while there is none, the record itself. An import
   * writes its revisions this way, so a 100,000-record import stores each record once instead of twice. It
   * holds as long as every change to a record writes a revision with its `before`, as every store write does.
   */
  afterByReference: 2,
} as const;

const liveColumns = (alias: 'a' | 'n', columns: readonly string[]) =>
  columns.map((c) => sql.ref<unknown>(`${alias}.${c}`).as(`${alias}_${c}`));

/**
 * Revisions with what a by-reference `after` needs (the next revision's `before`, the live record) in the same
 * statement, so the answer is one consistent snapshot of the database in both dialects. The extra lookups go
 * through primary keys and the (entity_id, id) index, and only for rows that need them.
 */
export function selectRevisions(db: Kysely<Tables>) {
  const byReference = REVISION_FORMAT.afterByReference;
  return db
    .selectFrom('revisions as r')
    .leftJoin('agreements as a', (join) =>
      join
        .onRef('a.id', '=', 'r.entity_id')
        .on('r.entity', '=', 'agreement')
        .on('r.format', '=', byReference),
    )
    .leftJoin('notes as n', (join) =>
      join.onRef('n.id', '=', 'r.entity_id').on('r.entity', '=', 'note').on('r.format', '=', byReference),
    )
    .selectAll('r')
    .select((eb) => [
      eb
        .case()
        .when('r.format', '=', byReference)
        .then(
          eb
            .selectFrom('revisions as x')
            .select('x.before')
            .whereRef('x.entity_id', '=', 'r.entity_id')
            .whereRef('x.entity', '=', 'r.entity')
            .whereRef('x.id', '>', 'r.id')
            .orderBy('x.id')
            .limit(1),
        )
        .end()
        .as('next_before'),
      ...liveColumns('a', AGREEMENT_COLUMNS),
      ...liveColumns('n', NOTE_COLUMNS),
    ]);
}

export type RevisionRow = Awaited<ReturnType<ReturnType<typeof selectRevisions>['execute']>>[number];

/** The live record joined under `prefix`, as a row of its own table, or null when there is none. */
function liveRow<R>(r: RevisionRow, prefix: string, columns: readonly string[]): R | null {
  const row = r as unknown as Record<string, unknown>;
  if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null;
  return Object.fromEntries(columns.map((c) => [c, row[`${prefix}${c}`]])) as R;
}

function afterByReference(r: RevisionRow): unknown {
  if (r.next_before !== null && r.next_before !== undefined) return JSON.parse(r.next_before);
  const agreement = r.entity === 'agreement' ? liveRow<AgreementRow>(r, 'a_', AGREEMENT_COLUMNS) : null;
  if (agreement !== null) return rowToAgreement(agreement);
  const note = r.entity === 'note' ? liveRow<NoteRow>(r, 'n_', NOTE_COLUMNS) : null;
  if (note !== null) return rowToNote(note);
  throw new Error(
    `revision ${r.id} of ${r.entity} "${r.entity_id}" keeps its after-state as the record's next revision or ` +
      'the record itself, and there is neither: the record was removed without a revision. Restore it from a ' +
      'backup, or remove it through the store (which writes a revision).',
  );
}

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function rowToRevision(r: RevisionRow): Revision {
  return RevisionSchema.parse({
    id: Number(r.id),
    dataset: r.dataset,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    actor: r.actor,
    at: r.at,
    reason: r.reason,
    before: json(r.before),
    after: Number(r.format) === REVISION_FORMAT.afterByReference ? afterByReference(r) : json(r.after),
  });
}
