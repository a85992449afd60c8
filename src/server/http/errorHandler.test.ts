import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Agreement } from '../../core/schemas.ts';
import { ConflictError, NotFoundError, StaleVersionError } from '../../store/types.ts';
import { createErrorHandler, notFoundHandler } from './errorHandler.ts';
import { HttpError } from './httpError.ts';
import type { Logger } from './logger.ts';

// The one error handler: each kind of error gets its status and a JSON body; nothing internal leaks.

function appThrowing(err: () => unknown, logged: object[] = []): Hono {
  const logger: Logger = { info: () => {}, warn: () => {}, error: (obj) => logged.push(obj) };
  const app = new Hono();
  app.onError(createErrorHandler(logger));
  app.notFound(notFoundHandler);
  const handler = (): Response => {
    throw err();
  };
  app.get('/api/boom', handler);
  app.get('/page/boom', handler);
  return app;
}

type ErrorJson = { error: { code: string; message: string; details?: unknown }; current?: unknown };

describe('error handler', () => {
  it('maps HttpError to its status, code, message and details', async () => {
    const res = await appThrowing(
      () => new HttpError(422, 'bad_thing', 'the thing is bad; send another', { x: 1 }),
    ).request('/api/boom');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: { code: 'bad_thing', message: 'the thing is bad; send another', details: { x: 1 } },
    });
  });

  it('maps zod errors to 400 naming the field path', async () => {
    const schema = z.object({ flags: z.object({ multilateral: z.boolean() }) });
    const res = await appThrowing(() => schema.safeParse({ flags: { multilateral: 'yes' } }).error).request(
      '/api/boom',
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/^field "flags\.multilateral": .*boolean/);
    expect(body.error.details).toEqual([{ path: 'flags.multilateral', message: expect.any(String) }]);
  });

  it('maps StaleVersionError to 409 with the current record', async () => {
    const current = { id: 'mou-sg-1', version: 3 } as unknown as Agreement;
    const res = await appThrowing(() => new StaleVersionError(current)).request('/api/boom');
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorJson;
    expect(body.current).toEqual(current);
    expect(body.error.code).toBe('stale_version');
  });

  it('maps ConflictError to 409 with its message', async () => {
    const res = await appThrowing(() => new ConflictError('a user a@b.org already exists')).request(
      '/api/boom',
    );
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorJson;
    expect(body.error).toMatchObject({ code: 'conflict', message: 'a user a@b.org already exists' });
  });

  it('maps NotFoundError to 404 and Hono HTTPExceptions to their status', async () => {
    const nf = await appThrowing(() => new NotFoundError('agreement "x"')).request('/api/boom');
    expect(nf.status).toBe(404);
    expect(((await nf.json()) as ErrorJson).error.message).toBe('agreement "x" was not found');
    const forbidden = await appThrowing(
      () => new HTTPException(403, { message: 'CSRF token missing' }),
    ).request('/api/boom');
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as ErrorJson).error.message).toBe('CSRF token missing');
  });

  it('answers anything else with a generic 500, logging the error but never sending it', async () => {
    const logged: object[] = [];
    const res = await appThrowing(() => new Error('secret internal detail at /srv/db.ts:42'), logged).request(
      '/api/boom',
    );
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(text).not.toContain('db.ts');
    expect((JSON.parse(text) as ErrorJson).error.code).toBe('internal');
    expect(logged).toHaveLength(1);
    expect(String((logged[0] as { err: Error }).err.stack)).toContain('secret internal detail');
  });

  it('answers pages in plain text and unknown routes by area', async () => {
    const app = appThrowing(() => new HttpError(404, 'not_found', 'there is no dataset "x"'));
    const page = await app.request('/page/boom');
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await page.text()).toBe('there is no dataset "x"');
    const api = await app.request('/api/v1/unknown');
    expect(api.status).toBe(404);
    expect(((await api.json()) as ErrorJson).error.message).toContain('/api/v1/openapi.json');
    const other = await app.request('/unknown');
    expect(other.status).toBe(404);
    expect(await other.text()).toBe('there is no page at /unknown');
  });

  it('answers a browser asking for a page with an escaped HTML page that links to the map', async () => {
    const html = { headers: { accept: 'text/html,application/xhtml+xml' } };
    const app = appThrowing(() => new HttpError(404, 'not_found', 'there is no dataset "<b>x</b>"'));
    const page = await app.request('/page/boom', html);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await page.text();
    expect(body).toContain('<title>Page not found — Accord Atlas</title>');
    expect(body).toContain('There is no dataset &quot;&lt;b&gt;x&lt;/b&gt;&quot;.');
    expect(body).not.toContain('<b>x</b>');
    expect(body).toContain('<a href="/">Go to the map</a>');
    const other = await app.request('/nowhere', html);
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('There is no page at /nowhere.');
    // The API keeps its JSON whatever the client accepts.
    const api = await app.request('/api/v1/unknown', html);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
