import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './httpError.ts';

/** A request's query as one string per name; repeated names (`?category=a&category=b`) join with commas. */
export function rawQuery(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(c.req.queries())) out[name] = values.join(',');
  return out;
}

/** Validates the query with `schema`; a bad parameter is a 400 that names it and says what is allowed. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(rawQuery(c));
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    // The first path segment is the parameter; deeper segments (list positions) mean nothing to a caller.
    parameter: i.path.length > 0 ? String(i.path[0]) : null,
    message: i.message,
  }));
  const message = issues
    .map((i) => (i.parameter === null ? i.message : `query parameter "${i.parameter}" ${i.message}`))
    .join('; ');
  throw new HttpError(400, 'invalid_parameter', message, issues);
}
