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
  const nul = nulPath(raw, []);
  if (nul !== null)
    throw invalidInput([
      {
        field: nul.join('.') || null,
        message: 'contains a NUL character (U+0000), which text cannot hold; remove it',
      },
    ]);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidInput(problemsOf(parsed.error));
}

/** Where a JSON value holds a string with U+0000 (PostgreSQL's text refuses it, so the write would fail with a
 * 500), as a path of keys; null when none does. */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, v] of Object.entries(value)) {
    const found = nulPath(v, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** A body problem: the field (a dotted path; null for the body as a whole) and what is wrong with it. */
export type FieldProblem = { field: string | null; message: string };

/** The problems of a failed schema check, by field. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || null, message: i.message }));
}

/** 400 invalid_input naming every bad field: the one answer of the editor API for a body it cannot take. */
export function invalidInput(problems: readonly FieldProblem[]): HttpError {
  return new HttpError(
    400,
    'invalid_input',
    problems.map((p) => (p.field ? `field "${p.field}": ${p.message}` : p.message)).join('; '),
    problems,
  );
}
