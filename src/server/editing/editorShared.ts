import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { DatasetIdSchema } from '../../core/ids.ts';
import { revisionDiff } from '../../core/revisionDiff.ts';
import type { Agreement, CountryNote, Dataset } from '../../core/schemas.ts';
import type { ImportReport, ImportRequest } from '../../importing/runImport.ts';
import { type Actor, RevertConflictError, type Store } from '../../store/types.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { HttpError } from '../http/httpError.ts';
import { jsonBody } from '../http/jsonBody.ts';
import type { CountryDirectory } from '../read/countryDirectory.ts';
import type { DatasetSnapshots } from '../read/snapshots.ts';
import type { InputContext } from './agreementInput.ts';
import { type RevertConflictSchema, RevertSchema } from './editorSchemas.ts';

// What the editor API's record routes share: who makes a change, the If-Match rules, how a record is answered,
// and the change, delete, history and revert routes of agreements and notes alike (recordWriteRoutes).

/** Runs an import off the request thread (importing/workerPool.ts); the route calls runImport itself without one. */
export type Importer = { run(req: ImportRequest): Promise<ImportReport> };

export type Deps = {
  store: Store;
  snapshots: DatasetSnapshots;
  countries: CountryDirectory;
  importer?: Importer | undefined;
};

/**
 * The reason a change gives in X-Change-Reason. A header carries Latin-1 only, so a reason in any other script is
 * sent as RFC 8187 does it: UTF-8'' and then the percent-encoded UTF-8 (the editor always sends it so).
 */
export function changeReason(header: string | undefined, fallback = 'edited in the editor API'): string {
  let reason = header?.trim() ?? '';
  const encoded = /^UTF-8''(.*)$/i.exec(reason);
  if (encoded) {
    try {
      reason = decodeURIComponent(encoded[1] ?? '').trim();
    } catch {
      throw new HttpError(
        400,
        'invalid_parameter',
        "X-Change-Reason starts with UTF-8'' but the rest is not percent-encoded UTF-8; encode it with encodeURIComponent",
      );
    }
  }
  if (reason.includes('\u0000'))
    throw new HttpError(
      400,
      'invalid_parameter',
      'X-Change-Reason contains a NUL character (U+0000), which a reason cannot hold; remove it',
    );
  return reason.slice(0, 500) || fallback;
}

export const by = (c: Context<EditorEnv>, fallback?: string): { actor: string; reason: string } => ({
  actor: c.get('user').email,
  reason: changeReason(c.req.header('X-Change-Reason'), fallback),
});

/** The If-Match header; 428 without one (checked before the record is even looked up). */
export function requireIfMatch(c: Context): string {
  const header = c.req.header('If-Match');
  if (header === undefined || header.trim() === '')
    throw new HttpError(
      428,
      'precondition_required',
      'send If-Match with the version you edited (the ETag of GET /api/v1/agreements/:id), so a change made meanwhile is not overwritten',
    );
  return header;
}

/**
 * The version an If-Match header names: "3", 3 or W/"3" — or undefined for "*" (HTTP's "any version": the client
 * means to overwrite). 428 without the header, 400 when it is not a version.
 */
export function ifMatchVersion(c: Context): number | undefined {
  const header = requireIfMatch(c);
  if (header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'invalid_parameter', `If-Match "${header}" is not a version such as "3"`);
  return Number(m[1]);
}

/** The version If-Match names, the record's current version for "*". */
export function expectedVersion(c: Context, current: { version: number }): number {
  return ifMatchVersion(c) ?? current.version;
}

export function sendRecord(
  c: Context,
  record: Agreement | CountryNote,
  plural: 'agreements' | 'notes',
  status: 200 | 201 = 200,
): Response {
  c.header('ETag', `"${record.version}"`);
  c.header('Cache-Control', 'no-store');
  if (status === 201) c.header('Location', `/api/v1/${plural}/${record.id}`);
  return c.json(record, status);
}

export const sendAgreement = (c: Context, a: Agreement, status: 200 | 201 = 200): Response =>
  sendRecord(c, a, 'agreements', status);

export async function datasetOf(store: Store, raw: string): Promise<Dataset> {
  const id = DatasetIdSchema.safeParse(raw);
  const dataset = id.success ? await store.getDataset(id.data) : null;
  if (dataset === null) throw new HttpError(404, 'not_found', `there is no dataset "${raw}"`);
  return dataset;
}

/** GET /:id/revisions and POST /:id/revert, for agreements and notes alike. */
export function historyRoutes(
  app: Hono<EditorEnv>,
  store: Store,
  snapshots: DatasetSnapshots,
  what: 'agreement' | 'note',
  idSchema: z.ZodType<string>,
): void {
  const editor = requireEditor(store);
  const plural = what === 'agreement' ? 'agreements' : 'notes';
  const historyOf = async (raw: string) => {
    const id = idSchema.safeParse(raw);
    const revisions = id.success ? await store.listRevisions(id.data) : [];
    if (!id.success || revisions.length === 0)
      throw new HttpError(404, 'not_found', `there is no ${what} "${raw}"`);
    return { id: id.data, revisions };
  };

  app.get('/:id/revisions', editor, async (c) => {
    const { revisions } = await historyOf(c.req.param('id'));
    c.header('Cache-Control', 'no-store');
    return c.json({ revisions: revisions.map((r) => ({ ...r, diff: revisionDiff(r) })) });
  });

  app.post('/:id/revert', editor, async (c) => {
    requireIfMatch(c);
    const { revision, force } = await jsonBody(c, RevertSchema);
    const { id, revisions } = await historyOf(c.req.param('id'));
    const target = revisions.find((r) => r.id === revision);
    if (!target)
      throw new HttpError(
        404,
        'not_found',
        `${what} ${id} has no revision ${revision}; GET /api/v1/${plural}/${id}/revisions lists them`,
      );
    const opts = { expectedVersion: ifMatchVersion(c), force: force === true };
    let restored: Agreement | CountryNote | null;
    try {
      restored = await store.revert(id, revision, by(c, `undid revision ${revision}`), opts);
    } catch (err) {
      if (!(err instanceof RevertConflictError)) throw err;
      // Like a stale version's 409, with the record now, and naming the fields (and who changed them when).
      const error = {
        code: 'changed_later' as const,
        message: err.message,
        fields: err.fields,
        later: err.later,
      };
      return c.json({ error, current: err.current } satisfies z.infer<typeof RevertConflictSchema>, 409);
    }
    snapshots.invalidate(target.dataset);
    if (restored === null) return c.body(null, 204);
    return sendRecord(c, restored, plural);
  });
}

/** How the record routes read and change one kind of record. */
export type RecordKind<T extends Agreement | CountryNote, P> = {
  what: 'agreement' | 'note';
  idSchema: z.ZodType<string>;
  get(id: string): Promise<T | null>;
  /** The changes a PATCH body asks for (a 400 naming each bad field). */
  patch(c: Context, current: T, ctx: InputContext): Promise<P>;
  update(id: string, version: number, patch: P, by: Actor): Promise<T>;
  remove(id: string, version: number, by: Actor): Promise<void>;
};

/** PATCH /:id and DELETE /:id with If-Match, and the history routes, for one kind of record. */
export function recordWriteRoutes<T extends Agreement | CountryNote, P>(
  { store, snapshots, countries }: Deps,
  kind: RecordKind<T, P>,
): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const editor = requireEditor(store);
  const plural = kind.what === 'agreement' ? 'agreements' : 'notes';
  const load = async (raw: string): Promise<T> => {
    const id = kind.idSchema.safeParse(raw);
    const record = id.success ? await kind.get(id.data) : null;
    if (record === null) throw new HttpError(404, 'not_found', `there is no ${kind.what} "${raw}"`);
    return record;
  };

  app.patch('/:id', editor, async (c) => {
    requireIfMatch(c);
    const current = await load(c.req.param('id'));
    const version = expectedVersion(c, current);
    const dataset = await datasetOf(store, current.dataset);
    const patch = await kind.patch(c, current, { dataset, countries });
    const updated = await kind.update(current.id, version, patch, by(c));
    snapshots.invalidate(updated.dataset);
    return sendRecord(c, updated, plural);
  });

  app.delete('/:id', editor, async (c) => {
    requireIfMatch(c);
    const current = await load(c.req.param('id'));
    await kind.remove(current.id, expectedVersion(c, current), by(c));
    snapshots.invalidate(current.dataset);
    return c.body(null, 204);
  });

  historyRoutes(app, store, snapshots, kind.what, kind.idSchema);
  return app;
}
