import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_FILE_BYTES } from '../../formats/limits.ts';
import { runImport } from '../../importing/runImport.ts';
import { audit } from '../auth/audit.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { HttpError } from '../http/httpError.ts';
import { jsonBody } from '../http/jsonBody.ts';
import { NewAgreementSchema, newAgreementContent } from './agreementInput.ts';
import { by, type Deps, datasetOf, sendAgreement, sendRecord } from './editorShared.ts';
import { NewNoteSchema, newNoteContent } from './noteInput.ts';

// The editor API's dataset routes: add an agreement or a note, import a spreadsheet, the recent changes.

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

/** Mounted at /api/v1/datasets: POST /:id/agreements, /:id/notes and /:id/import; GET /:id/revisions. */
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
    if (!dryRun)
      await audit(c, store, 'import', {
        dataset: target.id,
        file: file.name.slice(0, 200),
        added: result.added,
        changed: result.changed,
        removed: result.removed,
      });
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
