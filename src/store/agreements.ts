import { sql } from 'kysely';
import { agreementContent } from '../core/diff.ts';
import { type AgreementFilter, type FilterContext, makePredicate } from '../core/filters.ts';
import { makeAgreementId } from '../core/identity.ts';
import type { AgreementId, DatasetId } from '../core/ids.ts';
import { type Agreement, type AgreementContent, AgreementContentSchema } from '../core/schemas.ts';
import { insertChunked } from './batch.ts';
import { writeRevisions } from './revisions.ts';
import {
  AGREEMENT_COLUMNS,
  agreementToRow,
  makeAgreement,
  rowToAgreement,
  sortedBy,
  writeAgreementParams,
} from './rows.ts';
import { definedOnly, ensureDataset, nowIso, type Tx } from './tx.ts';
import { type Actor, ConflictError, NotFoundError, StaleVersionError } from './types.ts';

// Agreements: reads with SQL narrowing, and single-record writes with optimistic concurrency and a revision.

export async function listAgreements(
  tx: Tx,
  dataset: DatasetId,
  filter: AgreementFilter = {},
  ctx: FilterContext = {},
): Promise<Agreement[]> {
  let q = tx.db.selectFrom('agreements').selectAll('agreements').where('agreements.dataset', '=', dataset);
  if (filter.categories && filter.categories.length > 0)
    q = q.where('category', 'in', [...filter.categories]);
  if (filter.statuses && filter.statuses.length > 0) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.partners && filter.partners.length > 0) {
    // `partners` holds the codes as a JSON array, e.g. ["FR","US"]: a code in its quotes matches one element.
    // (Both dialects' LIKE agree on these patterns; the core predicate below still decides.)
    const patterns = filter.partners.map((p) => `%${JSON.stringify(p)}%`);
    q = q.where((eb) => eb.or(patterns.map((pattern) => eb('agreements.partners', 'like', pattern))));
  }
  if (filter.from !== undefined || filter.to !== undefined) {
    const { from, to } = filter;
    const undated = filter.undated ?? true;
    q = q.where((eb) => {
      const inRange = eb.and([
        eb('date_year', 'is not', null),
        ...(from !== undefined ? [eb('date_year', '>=', from)] : []),
        ...(to !== undefined ? [eb('date_year', '<=', to)] : []),
      ]);
      return undated ? eb.or([inRange, eb('date_year', 'is', null)]) : inRange;
    });
  }
  for (const [rule, column] of [
    [filter.nonGovernmental, 'non_governmental'],
    [filter.multilateral, 'multilateral'],
  ] as const) {
    if (rule === 'only') q = q.where(column, '=', 1);
    else if (rule === 'exclude') q = q.where(column, '=', 0);
  }
  // Rows come in id order (byte order: code-unit order for ids, which are ASCII), so the sort below is a check.
  const rows = await q
    .orderBy(tx.dialect === 'postgres' ? sql`agreements.id collate "C"` : sql`agreements.id`)
    .execute();
  // Free text (accent-folded, over partner names from the country registry) and regions cannot be expressed
  // identically in both SQL dialects, so the core predicate has the last word over the SQL-narrowed rows: the
  // same predicate the map page runs, hence the same counts.
  const keep = makePredicate<Agreement>(filter, ctx);
  const out: Agreement[] = [];
  for (const row of rows) {
    const a = rowToAgreement(row);
    if (keep(a)) out.push(a);
  }
  return sortedBy(out, (a) => a.id) as Agreement[];
}

export async function getAgreement(tx: Tx, id: AgreementId): Promise<Agreement | null> {
  const row = await tx.db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : rowToAgreement(row);
}

/**
 * Writes new agreements in batches. Rows go in id order: B-tree indexes then grow at their end rather than at
 * random places, which makes a big import several times faster.
 */
export async function insertAgreements(tx: Tx, agreements: readonly Agreement[]): Promise<void> {
  const ordered = sortedBy(agreements, (a) => a.id);
  await insertChunked(tx.db, tx.dialect, 'agreements', AGREEMENT_COLUMNS, ordered.length, (i, params) => {
    const a = ordered[i]!;
    writeAgreementParams(a.id, a.dataset, a, a, params);
  });
}

/** Replaces a stored agreement if it still has `expectedVersion`; false when it does not (or is gone). */
export async function replaceAgreement(tx: Tx, after: Agreement, expectedVersion: number): Promise<boolean> {
  const { id: _id, dataset: _dataset, created_at: _created, ...fields } = agreementToRow(after);
  const res = await tx.db
    .updateTable('agreements')
    .set(fields)
    .where('id', '=', after.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function removeAgreement(tx: Tx, id: AgreementId, expectedVersion: number): Promise<boolean> {
  const res = await tx.db
    .deleteFrom('agreements')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** A free id for new content: the identity-derived id, numbered on a clash (ids are unique across datasets). */
async function freeAgreementId(tx: Tx, content: AgreementContent): Promise<AgreementId> {
  for (let n = 1; ; n++) {
    const id = makeAgreementId(content, n);
    if ((await getAgreement(tx, id)) === null) return id;
  }
}

export async function createAgreement(
  tx: Tx,
  dataset: DatasetId,
  input: AgreementContent,
  by: Actor,
  requestedId?: AgreementId,
): Promise<Agreement> {
  const content = AgreementContentSchema.parse(input);
  await ensureDataset(tx, dataset);
  if (requestedId !== undefined && (await getAgreement(tx, requestedId)) !== null) {
    throw new ConflictError(
      `an agreement with id "${requestedId}" already exists; choose another id or leave it out`,
    );
  }
  const id = requestedId ?? (await freeAgreementId(tx, content));
  const at = nowIso();
  const agreement = makeAgreement(dataset, id, content, { createdAt: at, updatedAt: at, version: 1 });
  await insertAgreements(tx, [agreement]);
  await writeRevisions(
    tx.db,
    tx.dialect,
    [{ dataset, entity: 'agreement', entityId: id, action: 'create', at, before: null, after: agreement }],
    by,
  );
  return agreement;
}

async function currentForWrite(tx: Tx, id: AgreementId, expectedVersion: number): Promise<Agreement> {
  const current = await getAgreement(tx, id);
  if (current === null) throw new NotFoundError(`agreement "${id}"`);
  if (current.version !== expectedVersion) throw new StaleVersionError(current);
  return current;
}

export async function updateAgreement(
  tx: Tx,
  id: AgreementId,
  expectedVersion: number,
  patch: Partial<AgreementContent>,
  by: Actor,
): Promise<Agreement> {
  const current = await currentForWrite(tx, id, expectedVersion);
  const content = AgreementContentSchema.parse({ ...agreementContent(current), ...definedOnly(patch) });
  const at = nowIso();
  const after = makeAgreement(current.dataset, id, content, {
    createdAt: current.createdAt,
    updatedAt: at,
    version: current.version + 1,
  });
  // The version condition in the UPDATE closes the gap between the read above and this write.
  if (!(await replaceAgreement(tx, after, expectedVersion)))
    throw new StaleVersionError(await getAgreement(tx, id));
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      {
        dataset: current.dataset,
        entity: 'agreement',
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

export async function deleteAgreement(
  tx: Tx,
  id: AgreementId,
  expectedVersion: number,
  by: Actor,
): Promise<void> {
  const current = await currentForWrite(tx, id, expectedVersion);
  if (!(await removeAgreement(tx, id, expectedVersion)))
    throw new StaleVersionError(await getAgreement(tx, id));
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      {
        dataset: current.dataset,
        entity: 'agreement',
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
