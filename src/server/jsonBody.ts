import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './httpError.ts';

// Request bodies of the editor API: JSON, checked against a schema; a mistake is a 400 naming each field.

/** The request's JSON body parsed by `schema`; 415 without a JSON content type, 400 for bad JSON or fields. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    throw new HttpError(
      415,
      'unsupported_media_type',
      'send the body as JSON with Content-Type: application/json',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({
    field: i.path.map(String).join('.') || null,
    message: i.message,
  }));
  throw new HttpError(
    400,
    'invalid_input',
    details.map((d) => (d.field ? `field "${d.field}": ${d.message}` : d.message)).join('; '),
    details,
  );
}
