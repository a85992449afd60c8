import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { ConflictError, NotFoundError, StaleVersionError } from '../../store/types.ts';
import { errorPageHtml } from './errorPage.ts';
import { type ErrorBody, errorBody, HttpError } from './httpError.ts';
import type { Logger } from './logger.ts';

// Every error leaves the server through here, so a status, a body shape and the rule "no stack traces to
// clients" are decided in one place.

type Issue = { path: string; message: string };

function issuesOf(err: z.core.$ZodError): Issue[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function describeIssues(issues: Issue[]): string {
  return issues.map((i) => (i.path === '' ? i.message : `field "${i.path}": ${i.message}`)).join('; ');
}

function isApi(c: Context): boolean {
  return c.req.path === '/api' || c.req.path.startsWith('/api/');
}

/** API callers get the JSON error body; a browser asking for a page gets a small HTML page; others plain text. */
function answer(
  c: Context,
  status: ContentfulStatusCode,
  body: ErrorBody & Record<string, unknown>,
): Response {
  if (isApi(c)) return c.json(body, status);
  if ((c.req.header('accept') ?? '').includes('text/html'))
    return c.html(errorPageHtml(status, body.error.message), status);
  return c.text(body.error.message, status);
}

export function createErrorHandler(logger: Logger): ErrorHandler {
  return (err: Error, c: Context): Response => {
    if (err instanceof HttpError) {
      return answer(c, err.status, errorBody(err.code, err.message, err.details));
    }
    if (err instanceof z.core.$ZodError) {
      const issues = issuesOf(err);
      return answer(c, 400, errorBody('invalid_input', describeIssues(issues), issues));
    }
    if (err instanceof StaleVersionError) {
      return answer(c, 409, { ...errorBody('stale_version', err.message), current: err.current });
    }
    if (err instanceof NotFoundError) {
      return answer(c, 404, errorBody('not_found', err.message));
    }
    if (err instanceof ConflictError) {
      return answer(c, 409, errorBody('conflict', err.message));
    }
    if (err instanceof HTTPException) {
      // Hono's own middleware (body limit, CSRF) throws these; their statuses are deliberate.
      if (err.status >= 500) logger.error({ err, path: c.req.path }, 'request failed');
      return answer(c, err.status, errorBody(err.status === 413 ? 'too_large' : 'http_error', err.message));
    }
    logger.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
    return answer(
      c,
      500,
      errorBody(
        'internal',
        'Something went wrong on the server. The error was logged; please try again later.',
      ),
    );
  };
}

export const notFoundHandler: NotFoundHandler = (c: Context): Response => {
  if (isApi(c)) {
    return c.json(
      errorBody('not_found', `${c.req.method} ${c.req.path} is not an API route; see /api/v1/openapi.json`),
      404,
    );
  }
  return answer(c, 404, errorBody('not_found', `there is no page at ${c.req.path}`));
};
