import { Hono } from 'hono';
import type { Store } from '../../store/types.ts';
import { HttpError } from '../http/httpError.ts';
import { type EditorEnv, requireEditor } from './sessions.ts';

// GET /api/v1/audit (administrators): the audit log, newest first; ?limit=N (1–1000), ?before=ID to page.

function whole(
  raw: string | undefined,
  name: string,
  fallback: number | undefined,
  max: number,
): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new HttpError(
      400,
      'invalid_parameter',
      `query parameter "${name}" must be a whole number from 1 to ${max}`,
    );
  return n;
}

export function auditRoutes(store: Store): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/', requireEditor(store, 'admin'), async (c) => {
    const limit = whole(c.req.query('limit'), 'limit', 100, 1000);
    const before = whole(c.req.query('before'), 'before', undefined, Number.MAX_SAFE_INTEGER);
    c.header('Cache-Control', 'no-store');
    return c.json({
      entries: await store.listAudit({ ...(limit ? { limit } : {}), ...(before ? { before } : {}) }),
    });
  });
  return app;
}
