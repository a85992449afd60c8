import { Hono } from 'hono';
import { z } from 'zod';
import type { DatasetId } from '../../core/ids.ts';
import { VersionChangesSchema } from '../../core/versionChanges.ts';
import type { Store } from '../../store/types.ts';
import { sendJson } from '../http/httpCache.ts';
import { HttpError } from '../http/httpError.ts';

// The public read API of published versions: the list (newest first, with counts and changes) and each frozen
// document, which never changes once recorded and may therefore be cached for good.

export const VersionSummarySchema = z.object({
  number: z.number().int().min(1),
  publishedAt: z.string(),
  note: z.string(),
  /** Core's statistics of the frozen document (headline counts by category, partners, records). */
  counts: z.object({
    counts: z.record(z.string(), z.number()),
    partners: z.number(),
    records: z.record(z.string(), z.number()),
    partnersByCategory: z.record(z.string(), z.number()),
    agreements: z.number(),
  }),
  changes: VersionChangesSchema,
});
export const VersionListSchema = z.object({ versions: z.array(VersionSummarySchema) });

export const IMMUTABLE = 'public, max-age=31536000, immutable';
const LIST_CACHE = 'public, max-age=60';

/** A version number from a path segment: a positive integer, else 404 (no such page or document). */
export function versionNumber(text: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(text))
    throw new HttpError(404, 'not_found', `"${text}" is not a version number; versions are 1, 2, 3 …`);
  return Number(text);
}

export async function knownDataset(store: Store, id: string): Promise<DatasetId> {
  const dataset = await store.getDataset(id as DatasetId);
  if (dataset === null) {
    const known = (await store.listDatasets()).map((d) => d.id);
    throw new HttpError(
      404,
      'not_found',
      `there is no dataset "${id}"; known datasets: ${known.length > 0 ? known.join(', ') : 'none'}`,
    );
  }
  return dataset.id;
}

export function versionRoutes(store: Store): Hono {
  const app = new Hono();

  app.get('/:id/versions', async (c) => {
    const id = await knownDataset(store, c.req.param('id'));
    return sendJson(c, { versions: await store.listVersions(id) }, LIST_CACHE);
  });

  app.get('/:id/versions/:n/document', async (c) => {
    const id = await knownDataset(store, c.req.param('id'));
    const n = versionNumber(c.req.param('n'));
    const text = await store.getVersionDocument(id, n);
    if (text === null)
      throw new HttpError(
        404,
        'not_found',
        `dataset "${id}" has no version ${n}; see /api/v1/datasets/${id}/versions`,
      );
    return c.body(text, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': IMMUTABLE,
      ETag: `"${id}-v${n}"`,
    });
  });

  return app;
}
