import type { Context, MiddlewareHandler } from 'hono';
import type { AgreementId, NoteId } from '../../core/ids.ts';
import type { Store, User } from '../../store/types.ts';
import { HttpError } from '../http/httpError.ts';
import { OPEN_CROSS_SITE } from '../http/originCheck.ts';
import { currentSession, mayEditDataset } from './sessions.ts';

// Per-dataset rights, checked once for every state change under /api/v1 before its route runs: an editor changes
// only the records of the datasets listed for them (users.datasets; null = every dataset), publishing needs its
// own right (canPublish). The record's dataset is read from the store, never taken from the request body. Requests
// without a session pass on to their route, which answers 401.

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The dataset a write changes, or null when the path names none (its route decides alone). */
async function datasetOfWrite(store: Store, path: string): Promise<string | null> {
  let m = /^\/api\/v1\/datasets\/([^/]+)(?:\/|$)/.exec(path);
  if (m) return decodeURIComponent(m[1]!);
  m = /^\/api\/v1\/(agreements|notes)\/([^/]+)(?:\/|$)/.exec(path);
  if (m) {
    const id = decodeURIComponent(m[2]!);
    if (id.length > 200) return null;
    const record =
      m[1] === 'agreements' ? await store.getAgreement(id as AgreementId) : await store.getNote(id as NoteId);
    // A deleted record can still be reverted: its history says which dataset it was in.
    return record?.dataset ?? (await store.listRevisions(id))[0]?.dataset ?? null;
  }
  return null;
}

function forbidden(user: User, dataset: string): HttpError {
  const mine = user.datasets === null ? 'every dataset' : user.datasets.join(', ') || 'no dataset';
  return new HttpError(
    403,
    'forbidden',
    `you may change the records of ${mine}, not of "${dataset}"; an administrator can give you that dataset (Users tab, or atlas user role ${user.email} --role editor --datasets …)`,
  );
}

export function datasetAccess(store: Store): MiddlewareHandler {
  return async (c: Context, next) => {
    if (!WRITES.has(c.req.method) || !c.req.path.startsWith('/api/v1/')) return next();
    if (OPEN_CROSS_SITE.some((r) => r.method === c.req.method && r.path.test(c.req.path))) return next();
    const isPublish = /^\/api\/v1\/publish\/?$/.test(c.req.path);
    const dataset = isPublish ? null : await datasetOfWrite(store, c.req.path);
    if (!isPublish && dataset === null) return next();
    const s = await currentSession(c, store);
    if (s === null) return next();
    if (isPublish && !(s.user.canPublish || s.user.role === 'admin'))
      throw new HttpError(
        403,
        'forbidden',
        'publishing is a right of its own and you do not have it; an administrator can give it (Users tab, or atlas user role EMAIL --role editor --publish)',
      );
    if (dataset !== null && !mayEditDataset(s.user, dataset)) throw forbidden(s.user, dataset);
    return next();
  };
}
