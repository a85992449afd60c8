import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { AgreementIdSchema, DatasetIdSchema, NoteIdSchema } from '../core/ids.ts';
import type { Agreement, CountryNote } from '../core/schemas.ts';
import { MAX_FILE_BYTES } from '../formats/limits.ts';
import { runImport } from '../importing/runImport.ts';
import type { Store } from '../store/types.ts';
import {
  AgreementPatchSchema,
  agreementPatch,
  NewAgreementSchema,
  newAgreementContent,
} from './agreementInput.ts';
import { type EditorEnv, requireEditor } from './auth/sessions.ts';
import type { CountryDirectory } from './countryDirectory.ts';
import { RevertSchema } from './editorSchemas.ts';
import { HttpError } from './httpError.ts';
import { jsonBody } from './jsonBody.ts';
import { NewNoteSchema, NotePatchSchema, newNoteContent, notePatch } from './noteInput.ts';
import type { DatasetSnapshots } from './snapshots.ts';

// The editor API's record routes (DESIGN.md): create, change and delete agreements with optimistic concurrency
// (If-Match: "<version>"), their history and revert. Every route needs a session; every change the CSRF token.
// A change refreshes the public snapshots of its dataset at once.

type Deps = { store: Store; snapshots: DatasetSnapshots; countries: CountryDirectory };

const by = (c: Context<EditorEnv>): { actor: string; reason: string } => ({
  actor: c.get('user').email,
  reason: c.req.header('X-Change-Reason')?.slice(0, 500) || 'edited in the editor API',
});

/** The If-Match header; 428 without one (checked before the record is even looked up). */
function requireIfMatch(c: Context): string {
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
 * The version an If-Match header names: "3", 3 or W/"3" — or the record's current version for "*" (HTTP's "any
 * version": the client means to overwrite). 428 without the header, 400 when it is not a version.
 */
function expectedVersion(c: Context, current: { version: number }): number {
  const header = requireIfMatch(c);
  if (header.trim() === '*') return current.version;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'invalid_parameter', `If-Match "${header}" is not a version such as "3"`);
  return Number(m[1]);
}

function sendRecord(
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

const sendAgreement = (c: Context, a: Agreement, status: 200 | 201 = 200): Response =>
  sendRecord(c, a, 'agreements', status);

async function loadAgreement(store: Store, raw: string): Promise<Agreement> {
  const id = AgreementIdSchema.safeParse(raw);
  const agreement = id.success ? await store.getAgreement(id.data) : null;
  if (agreement === null) throw new HttpError(404, 'not_found', `there is no agreement "${raw}"`);
  return agreement;
}

async function datasetOf(store: Store, raw: string) {
  const id = DatasetIdSchema.safeParse(raw);
  const dataset = id.success ? await store.getDataset(id.data) : null;
  if (dataset === null) throw new HttpError(404, 'not_found', `there is no dataset "${raw}"`);
  return dataset;
}

/** GET /:id/revisions and POST /:id/revert, for agreements and notes alike. */
function historyRoutes(
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
    return c.json({ revisions });
  });

  app.post('/:id/revert', editor, async (c) => {
    const { revision } = await jsonBody(c, RevertSchema);
    const { id, revisions } = await historyOf(c.req.param('id'));
    const target = revisions.find((r) => r.id === revision);
    if (!target)
      throw new HttpError(
        404,
        'not_found',
        `${what} ${id} has no revision ${revision}; GET /api/v1/${plural}/${id}/revisions lists them`,
      );
    const restored = await store.revert(id, revision, by(c));
    snapshots.invalidate(target.dataset);
    if (restored === null) return c.body(null, 204);
    return sendRecord(c, restored, plural);
  });
}

/** Mounted at /api/v1/agreements. */
export function agreementWriteRoutes({ store, snapshots, countries }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const editor = requireEditor(store);

  app.patch('/:id', editor, async (c) => {
    requireIfMatch(c);
    const current = await loadAgreement(store, c.req.param('id'));
    const version = expectedVersion(c, current);
    const dataset = await datasetOf(store, current.dataset);
    const patch = agreementPatch(await jsonBody(c, AgreementPatchSchema), current, { dataset, countries });
    const updated = await store.updateAgreement(current.id, version, patch, by(c));
    snapshots.invalidate(updated.dataset);
    return sendAgreement(c, updated);
  });

  app.delete('/:id', editor, async (c) => {
    requireIfMatch(c);
    const current = await loadAgreement(store, c.req.param('id'));
    const version = expectedVersion(c, current);
    await store.deleteAgreement(current.id, version, by(c));
    snapshots.invalidate(current.dataset);
    return c.body(null, 204);
  });

  historyRoutes(app, store, snapshots, 'agreement', AgreementIdSchema);

  return app;
}

/** Mounted at /api/v1/notes: a country's research notes, changed like agreements. */
export function noteWriteRoutes({ store, snapshots, countries }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const editor = requireEditor(store);
  const loadNote = async (raw: string): Promise<CountryNote> => {
    const id = NoteIdSchema.safeParse(raw);
    const note = id.success ? await store.getNote(id.data) : null;
    if (note === null) throw new HttpError(404, 'not_found', `there is no note "${raw}"`);
    return note;
  };

  app.patch('/:id', editor, async (c) => {
    requireIfMatch(c);
    const current = await loadNote(c.req.param('id'));
    const version = expectedVersion(c, current);
    const dataset = await datasetOf(store, current.dataset);
    const patch = notePatch(await jsonBody(c, NotePatchSchema), { dataset, countries });
    const updated = await store.updateNote(current.id, version, patch, by(c));
    snapshots.invalidate(updated.dataset);
    return sendRecord(c, updated, 'notes');
  });

  app.delete('/:id', editor, async (c) => {
    requireIfMatch(c);
    const current = await loadNote(c.req.param('id'));
    const version = expectedVersion(c, current);
    await store.deleteNote(current.id, version, by(c));
    snapshots.invalidate(current.dataset);
    return c.body(null, 204);
  });

  historyRoutes(app, store, snapshots, 'note', NoteIdSchema);
  return app;
}

/** The uploaded file of an import: a multipart form's "file" field, or the raw body named by ?filename=. */
async function uploadedFile(c: Context): Promise<{ bytes: Uint8Array; name: string }> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw new HttpError(400, 'invalid_input', 'send the spreadsheet as the form field "file"');
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'upload' };
  }
  const name = c.req.query('filename');
  if (!name)
    throw new HttpError(
      400,
      'invalid_parameter',
      'name the file: ?filename=sheet.xlsx (its extension says how to read it), or send a multipart form with a "file" field',
    );
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), name };
}

/** Mounted at /api/v1/datasets: POST /:id/agreements and POST /:id/import. */
export function datasetWriteRoutes({ store, snapshots, countries }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const importLimit = bodyLimit({
    maxSize: MAX_FILE_BYTES,
    onError: () => {
      throw new HttpError(
        413,
        'too_large',
        `the file is over the limit of ${MAX_FILE_BYTES / 1024 / 1024} MB; a dataset sheet is far smaller, so check that this is the right file, or split it`,
      );
    },
  });

  // Import a spreadsheet: the same reading and report as `atlas import --json`. ?dryRun=true only reports.
  // A file with errors writes nothing and answers 422 with the report (each error with its line and column).
  app.post('/:id/import', requireEditor(store), importLimit, async (c) => {
    const target = await datasetOf(store, c.req.param('id'));
    const dryRun = ['1', 'true', 'yes'].includes((c.req.query('dryRun') ?? '').toLowerCase());
    const file = await uploadedFile(c);
    const result = await runImport(store, {
      bytes: file.bytes,
      fileName: file.name,
      target,
      dryRun,
      by: { actor: c.get('user').email, reason: `import of ${file.name.slice(0, 200)}` },
      sameDataset: true,
    });
    if (result.errors.length > 0) return c.json(result, 422);
    if (!dryRun) snapshots.invalidate(target.id);
    c.header('Cache-Control', 'no-store');
    return c.json(result);
  });

  app.post('/:id/agreements', requireEditor(store), async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    const content = newAgreementContent(await jsonBody(c, NewAgreementSchema), { dataset, countries });
    const created = await store.createAgreement(dataset.id, content, by(c));
    snapshots.invalidate(dataset.id);
    return sendAgreement(c, created, 201);
  });

  // The dataset's recent changes, newest first (editors only: revisions name who changed what).
  app.get('/:id/revisions', requireEditor(store), async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    const raw = c.req.query('limit');
    const limit = raw === undefined ? 100 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new HttpError(
        400,
        'invalid_parameter',
        `query parameter "limit" must be a whole number from 1 to 1000`,
      );
    c.header('Cache-Control', 'no-store');
    return c.json({ revisions: await store.listDatasetRevisions(dataset.id, limit) });
  });

  app.post('/:id/notes', requireEditor(store), async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    const content = newNoteContent(await jsonBody(c, NewNoteSchema), { dataset, countries });
    const created = await store.createNote(dataset.id, content, by(c));
    snapshots.invalidate(dataset.id);
    return sendRecord(c, created, 'notes', 201);
  });
  return app;
}
