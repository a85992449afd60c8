import type { MiddlewareHandler } from 'hono';
import { HttpError } from './httpError.ts';

// PostgreSQL's text cannot hold U+0000: an id, filter or reason with one fails deep in the database as a 500.
// A %00 anywhere in the address is refused up front instead (JSON bodies are checked by jsonBody).

/** 400 for a request whose path or query decodes to a NUL character. */
export function refuseNul(): MiddlewareHandler {
  return async (c, next) => {
    if (/%00/i.test(c.req.url))
      throw new HttpError(
        400,
        'invalid_parameter',
        'the address contains a NUL character (%00), which no id or parameter can hold; remove it',
      );
    await next();
  };
}
