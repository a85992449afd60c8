import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_FILE_BYTES } from '../../formats/limits.ts';
import { type ImportReport, type ImportRequest, runImport } from '../../importing/runImport.ts';
import { ImportRefusedError } from '../../importing/workerPool.ts';
import { audit } from '../auth/audit.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { HttpError } from '../http/httpError.ts';
import { jsonBody } from '../http/jsonBody.ts';
import { NewAgreementSchema, newAgreementContent } from './agreementInput.ts';
import { by, type Deps, datasetOf, type Importer, sendAgreement, sendRecord } from './editorShared.ts';
import { NewNoteSchema, newNoteContent } from './noteInput.ts';

// The editor API's dataset routes: add an agreement or a note, import a spreadsheet, the recent changes.

type Upload = { bytes: Uint8Array; name: string; reason?: string; basis?: string };

/** A form field or query parameter that is text (a form's field wins). */
function textParam(c: Context, form: Record<string, unknown> | null, name: string): string | undefined {
  const v = form?.[name];
  if (typeof v === 'string') return v;
  return c.req.query(name);
}

const MAX_REASON = 500;

/** The uploaded file of an import: a multipart form's "file" field, or the raw body named by ?filename=; with
 * the optional "reason" and "basis" as form fields or query parameters. */
async function uploadedFile(c: Context): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  const extras = (form: Record<string, unknown> | null): Pick<Upload, 'reason' | 'basis'> => {
    const reason = textParam(c, form, 'reason')?.trim();
    if (reason !== undefined && reason.length > MAX_REASON)
      throw new HttpError(
        400,
        'invalid_parameter',
        `"reason" is ${reason.length} characters; keep it under ${MAX_REASON}`,
      );
    const basis = textParam(c, form, 'basis')?.trim();
    if (`${reason ?? ''}${basis ?? ''}`.includes('\u0000'))
      throw new HttpError(
        400,
        'invalid_parameter',
        '"reason" or "basis" contains a NUL character (U+0000); remove it',
      );
    return { reason: reason || undefined, basis: basis || undefined };
  };
  if (/^multipart\/form-data/i.test(type)) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw new HttpError(400, 'invalid_input', 'send the spreadsheet as the form field "file"');
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'upload', ...extras(form) };
  }
  const name = c.req.query('filename');
  if (!name)
    throw new HttpError(
      400,
      'invalid_parameter',
      'name the file: ?filename=sheet.xlsx (its extension says how to read it), or send a multipart form with a "file" field',
    );
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), name, ...extras(null) };
}

const IMPORT_QUERY = ['dryRun', 'filename', 'basis', 'reason'];

/** ?dryRun of an import. A misspelt value or parameter (`dryRun=ture`, `dryrun=true`) is refused rather than read
 * as "apply": the researcher asked for a preview, and an import is not undone by a second request. */
function importDryRun(c: Context): boolean {
  for (const name of Object.keys(c.req.queries())) {
    if (!IMPORT_QUERY.includes(name)) {
      const hint = name.toLowerCase().replace(/[-_]/g, '') === 'dryrun' ? ' (did you mean dryRun?)' : '';
      throw new HttpError(
        400,
        'invalid_parameter',
        `unknown query parameter "${name}"${hint}; an import takes ${IMPORT_QUERY.join(', ')}`,
      );
    }
  }
  const raw = (c.req.query('dryRun') ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['', '0', 'false', 'no'].includes(raw)) return false;
  throw new HttpError(
    400,
    'invalid_parameter',
    `query parameter "dryRun" is "${raw.slice(0, 40)}"; write dryRun=true to only preview, or leave it out to import`,
  );
}

/** An import run by the workers; a refusal of theirs (busy, out of memory) is an HTTP answer. */
async function offThread(importer: Importer, req: ImportRequest): Promise<ImportReport> {
  try {
    return await importer.run(req);
  } catch (e) {
    if (e instanceof ImportRefusedError) throw new HttpError(e.status, e.code, e.message);
    throw e;
  }
}

/** Mounted at /api/v1/datasets: POST /:id/agreements, /:id/notes and /:id/import; GET /:id/revisions. */
export function datasetWriteRoutes({ store, snapshots, countries, importer }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const importLimit = bodyLimit({
    maxSize: MAX_FILE_BYTES,
    onError: () => {
      throw new HttpError(
        413,
        'too_large',
        `the file is over the limit of ${MAX_FILE_BYTES / 1024 / 1024} MB (ATLAS_MAX_UPLOAD_BYTES); a dataset sheet is far smaller, so check that this is the right file, or split it`,
      );
    },
  });

  // Import a spreadsheet: the same reading and report as `atlas import --json`. ?dryRun=true only reports.
  // A file with errors writes nothing and answers 422 with the report (each error with its line and column).
  // ?basis= (a dry run's "basis") applies only while the dataset is as the preview saw it; otherwise 409 with
  // the new preview. ?reason= (or a form field "reason") is stored on every revision the import writes.
  app.post('/:id/import', requireEditor(store), importLimit, async (c) => {
    const target = await datasetOf(store, c.req.param('id'));
    const dryRun = importDryRun(c);
    const file = await uploadedFile(c);
    const request = {
      bytes: file.bytes,
      fileName: file.name,
      target,
      dryRun,
      by: { actor: c.get('user').email, reason: file.reason ?? `import of ${file.name.slice(0, 200)}` },
      basis: file.basis,
      sameDataset: true,
    };
    // Off the request thread when the server has import workers (parse, plan and apply: runImport in a worker).
    const result = await (importer ? offThread(importer, request) : runImport(store, request));
    c.header('Cache-Control', 'no-store');
    if (result.errors.length > 0) return c.json(result, 422);
    if (result.basisChanged) return c.json(result, 409);
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
