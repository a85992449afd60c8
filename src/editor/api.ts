// The editor's one door to the server: JSON in and out, the CSRF token on every change, and errors turned into
// a message a researcher can act on (with the field problems the API names).

export type FieldProblem = { field: string | null; message: string };

export type ApiResult<T> =
  | { ok: true; status: number; data: T; etag: string | null }
  | { ok: false; status: number; code: string; message: string; details: FieldProblem[]; body: unknown };

let csrfToken = '';
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** What to do when the session has ended (expired, or logged out elsewhere): show the login again. */
export function whenLoggedOut(handler: () => void): void {
  onUnauthorized = handler;
}

type Options = {
  body?: unknown;
  form?: FormData;
  ifMatch?: number;
  query?: Record<string, string>;
  /** Why the change is made (X-Change-Reason), stored with its revision; empty sends none. */
  reason?: string;
};

/** A header carries Latin-1 only: the reason goes as RFC 8187 writes any text, UTF-8'' and percent-encoding. */
export const reasonHeader = (reason: string): string => `UTF-8''${encodeURIComponent(reason.trim())}`;

export async function api<T>(method: string, path: string, opts: Options = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (opts.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
  if (opts.reason !== undefined && opts.reason.trim() !== '')
    headers['x-change-reason'] = reasonHeader(opts.reason);
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const url = opts.query ? `${path}?${new URLSearchParams(opts.query)}` : path;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return {
      ok: false,
      status: 0,
      code: 'network',
      message: 'The server did not answer. Check your connection and try again.',
      details: [],
      body: null,
    };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {}
  if (res.ok) return { ok: true, status: res.status, data: json as T, etag: res.headers.get('etag') };
  if (res.status === 401 && path !== '/api/v1/session') onUnauthorized();
  const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const details = Array.isArray(error?.details)
    ? (error.details as Array<{ field?: string | null; parameter?: string | null; message: string }>).map(
        (d) => ({
          field: d.field ?? d.parameter ?? null,
          message: d.message,
        }),
      )
    : [];
  return {
    ok: false,
    status: res.status,
    code: error?.code ?? 'error',
    message: error?.message ?? `The server answered ${res.status}.`,
    details,
    body: json,
  };
}
