import { type Context, Hono } from 'hono';
import { AgreementIdSchema, DatasetIdSchema } from '../core/ids.ts';
import type { Agreement } from '../core/schemas.ts';
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
import type { DatasetSnapshots } from './snapshots.ts';

// The editor API's record routes (DESIGN.md): create, change and delete agreements with optimistic concurrency
// (If-Match: "<version>"), their history and revert. Every route needs a session; every change the CSRF token.
// A change refreshes the public snapshots of its dataset at once.

type Deps = { store: Store; snapshots: DatasetSnapshots; countries: CountryDirectory };

const by = (c: Context<EditorEnv>): { actor: string; reason: string } => ({
  actor: c.get('user').email,
  reason: c.req.header('X-Change-Reason')?.slice(0, 500) || 'edited in the editor API',
});

/** The version an If-Match header names: "3", 3 or W/"3"; 428 without one, 400 when it is not a version. */
function expectedVersion(c: Context): number {
  const header = c.req.header('If-Match');
  if (header === undefined || header.trim() === '')
    throw new HttpError(
      428,
      'precondition_required',
      'send If-Match with the version you edited (the ETag of GET /api/v1/agreements/:id), so a change made meanwhile is not overwritten',
    );
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'invalid_parameter', `If-Match "${header}" is not a version such as "3"`);
  return Number(m[1]);
}

function sendAgreement(c: Context, agreement: Agreement, status: 200 | 201 = 200): Response {
  c.header('ETag', `"${agreement.version}"`);
  c.header('Cache-Control', 'no-store');
  if (status === 201) c.header('Location', `/api/v1/agreements/${agreement.id}`);
  return c.json(agreement, status);
}

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

/** Mounted at /api/v1/agreements. */
export function agreementWriteRoutes({ store, snapshots, countries }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  const editor = requireEditor(store);

  app.patch('/:id', editor, async (c) => {
    const version = expectedVersion(c);
    const current = await loadAgreement(store, c.req.param('id'));
    const dataset = await datasetOf(store, current.dataset);
    const patch = agreementPatch(await jsonBody(c, AgreementPatchSchema), current, { dataset, countries });
    const updated = await store.updateAgreement(current.id, version, patch, by(c));
    snapshots.invalidate(updated.dataset);
    return sendAgreement(c, updated);
  });

  app.delete('/:id', editor, async (c) => {
    const version = expectedVersion(c);
    const current = await loadAgreement(store, c.req.param('id'));
    await store.deleteAgreement(current.id, version, by(c));
    snapshots.invalidate(current.dataset);
    return c.body(null, 204);
  });

  app.get('/:id/revisions', editor, async (c) => {
    const id = AgreementIdSchema.safeParse(c.req.param('id'));
    const revisions = id.success ? await store.listRevisions(id.data) : [];
    if (revisions.length === 0)
      throw new HttpError(404, 'not_found', `there is no agreement "${c.req.param('id')}"`);
    c.header('Cache-Control', 'no-store');
    return c.json({ revisions });
  });

  app.post('/:id/revert', editor, async (c) => {
    const { revision } = await jsonBody(c, RevertSchema);
    const id = AgreementIdSchema.safeParse(c.req.param('id'));
    if (!id.success) throw new HttpError(404, 'not_found', `there is no agreement "${c.req.param('id')}"`);
    const history = await store.listRevisions(id.data);
    const target = history.find((r) => r.id === revision);
    if (!target)
      throw new HttpError(
        404,
        'not_found',
        `agreement ${id.data} has no revision ${revision}; GET /api/v1/agreements/${id.data}/revisions lists them`,
      );
    const restored = await store.revert(id.data, revision, by(c));
    snapshots.invalidate(target.dataset);
    if (restored === null) return c.body(null, 204);
    return sendAgreement(c, restored as Agreement);
  });

  return app;
}

/** Mounted at /api/v1/datasets: POST /:id/agreements. */
export function datasetWriteRoutes({ store, snapshots, countries }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.post('/:id/agreements', requireEditor(store), async (c) => {
    const dataset = await datasetOf(store, c.req.param('id'));
    const content = newAgreementContent(await jsonBody(c, NewAgreementSchema), { dataset, countries });
    const created = await store.createAgreement(dataset.id, content, by(c));
    snapshots.invalidate(dataset.id);
    return sendAgreement(c, created, 201);
  });
  return app;
}
