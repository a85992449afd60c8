import { Hono } from 'hono';
import { z } from 'zod';
import { type Dataset, DatasetSchema, HexColorSchema } from '../../core/schemas.ts';
import { type EditorEnv, requireEditor } from '../auth/sessions.ts';
import { HttpError } from '../http/httpError.ts';
import { invalidInput, jsonBody, problemsOf } from '../http/jsonBody.ts';
import { by, type Deps, datasetOf } from './editorShared.ts';

// PATCH /api/v1/datasets/:id (administrators): what readers see of a dataset — title, description, citation,
// source (the original publication's address), licence, credits, the map's boundaries (de facto or a country's
// official view), "data as of" (null: the latest agreement's date is shown), and each category's label, short
// label, description and colour. What records are
// keyed on (the id, the focal country, category ids and counting rules, how sheets are read) stays as configured:
// changing it would change the meaning of the records.

const CategoryChange = z.strictObject({
  id: z.string(),
  label: z.string().min(1).max(200).optional(),
  shortLabel: z.string().min(1).max(60).optional(),
  description: z.string().max(2000).optional(),
  color: HexColorSchema.optional(),
});

export const DatasetPatchSchema = z
  .strictObject({
    title: z.string().min(1).max(300),
    description: z.string().max(2000),
    citation: z.string().max(2000),
    sourceUrl: z.string().nullable(),
    license: z.strictObject({ name: z.string().min(1), url: z.string() }),
    credits: z
      .array(z.strictObject({ role: z.string(), name: z.string().min(1), url: z.string().optional() }))
      .max(50),
    categories: z.array(CategoryChange).max(50),
    boundaries: z.string(),
    dataAsOf: z.string().nullable(),
  })
  .partial();

function merged(current: Dataset, patch: z.output<typeof DatasetPatchSchema>): Dataset {
  const { categories, dataAsOf, boundaries, ...rest } = patch;
  const next: Dataset = { ...current, ...rest };
  // Checked against DatasetSchema below; an empty "data as of" removes it.
  if (boundaries !== undefined) next.boundaries = boundaries as Dataset['boundaries'];
  if (dataAsOf === null || dataAsOf?.trim() === '') delete next.dataAsOf;
  else if (dataAsOf !== undefined) next.dataAsOf = dataAsOf.trim();
  if (categories) {
    const known = new Set(current.categories.map((c) => c.id as string));
    const unknown = categories.filter((c) => !known.has(c.id)).map((c) => c.id);
    if (unknown.length > 0)
      throw new HttpError(
        400,
        'invalid_input',
        `field "categories": ${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is not a category' : 'are not categories'} of this dataset; categories are changed, not added or removed, here`,
        [{ field: 'categories', message: 'unknown category id' }],
      );
    next.categories = current.categories.map((c) => {
      const change = categories.find((x) => x.id === c.id);
      return change ? { ...c, ...change, id: c.id } : c;
    });
  }
  const checked = DatasetSchema.safeParse(next);
  if (!checked.success) throw invalidInput(problemsOf(checked.error));
  return checked.data;
}

/** Mounted at /api/v1/datasets. */
export function datasetSettingsRoutes({ store, snapshots }: Deps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.patch('/:id', requireEditor(store, 'admin'), async (c) => {
    const current = await datasetOf(store, c.req.param('id'));
    const next = merged(current, await jsonBody(c, DatasetPatchSchema));
    await store.putDataset(next, by(c));
    snapshots.invalidate(next.id);
    c.header('Cache-Control', 'no-store');
    return c.json({ dataset: next });
  });
  return app;
}
