import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type handlers throw to answer with a status. `code` is a stable machine-readable word
 * (clients branch on it); `message` is a sentence for a person saying what was wrong and what to do.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON body of every error answer under /api. */
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}
