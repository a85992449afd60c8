import { Hono } from 'hono';
import { AgreementIdSchema } from '../../core/ids.ts';
import type { Store } from '../../store/types.ts';
import { etagMatches, PUBLIC_CACHE } from '../http/httpCache.ts';
import { HttpError } from '../http/httpError.ts';
import { parseQuery } from '../http/query.ts';
import { NoQuerySchema } from './apiSchemas.ts';

// One agreement, read straight from the store (not a snapshot): editors take its version as If-Match, so it
// must be current. The strong ETag is the version, as the editor API expects.

export function agreementRoutes(store: Store): Hono {
  const app = new Hono();

  app.get('/:id', async (c) => {
    parseQuery(c, NoQuerySchema);
    const id = AgreementIdSchema.safeParse(c.req.param('id'));
    const agreement = id.success ? await store.getAgreement(id.data) : null;
    if (agreement === null) {
      throw new HttpError(404, 'not_found', `there is no agreement "${c.req.param('id')}"`);
    }
    const etag = `"${agreement.version}"`;
    if (etagMatches(c.req.header('If-None-Match'), etag)) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': PUBLIC_CACHE });
    }
    return c.json(agreement, 200, { ETag: etag, 'Cache-Control': PUBLIC_CACHE });
  });

  return app;
}
