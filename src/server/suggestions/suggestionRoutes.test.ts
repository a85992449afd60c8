import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../core/schemas.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { suggestionLimiter } from '../auth/rateLimiter.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';

// Readers' corrections through the API on every dialect: anyone may send one (limited), editors read and close
// them; the POST answers CORS for a baked copy on another origin.

const DS = 'cis-india-cyber';
const USER = { email: 'editor@example.org', password: 'a long enough passphrase' };
type Json = Record<string, unknown>;

describe.each(testDatabases('suggestions'))('suggestions API on $dialect', (factory) => {
  let s: SeededApp;
  let clock = 1_000_000;
  let login: { cookie: string; csrf: string };
  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    Promise.resolve(
      s.app.request(`/api/v1/datasets/${DS}/suggestions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  const list = async (query = ''): Promise<Json[]> => {
    const res = await s.app.request(`/api/v1/datasets/${DS}/suggestions${query}`, {
      headers: { cookie: login.cookie },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { suggestions: Json[] }).suggestions;
  };

  beforeAll(async () => {
    const seeded = await seededApp(factory);
    // The database-shared limiter the server uses by default, on the test's clock.
    s = {
      ...seeded,
      app: createApp({
        store: seeded.store,
        freshnessMs: 0,
        suggestionLimiter: suggestionLimiter(seeded.store, () => clock),
      }),
    };
    await s.store.createUser(USER.email, 'editor', await hashPassword(USER.password));
    const res = await s.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(USER),
    });
    login = {
      cookie: res.headers.get('set-cookie')!.split(';')[0]!,
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
  });
  afterAll(async () => s?.close());

  it('takes a suggestion without login (202 {id}), and editors see it, e-mail included', async () => {
    const agreement = (await s.store.listAgreements(DS as never))[0] as Agreement;
    const res = await post(
      {
        text: '  The MoU with France <b>was</b> renewed in 2019; see https://example.org/x  ',
        country: 'fr',
        agreementId: agreement.id,
        email: 'reader@example.org',
      },
      { origin: 'https://baked.example.net' },
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const { id } = (await res.json()) as { id: string };
    const [first] = await list();
    expect(first).toMatchObject({
      id,
      text: 'The MoU with France <b>was</b> renewed in 2019; see https://example.org/x',
      country: 'FR',
      agreementId: agreement.id,
      email: 'reader@example.org',
      status: 'open',
      note: '',
    });
    expect(first?.createdAt).toMatch(/^\d{4}-/);
  });

  it('answers the CORS preflight of a baked page on another origin', async () => {
    const res = await s.app.request(`/api/v1/datasets/${DS}/suggestions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://baked.example.net',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/content-type/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses too short or too long text, a bad e-mail and an unknown country, naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ text: 'too short' }, /"text".*at least 10/],
      [{ text: 'x'.repeat(5001) }, /"text".*at most 5000/],
      [{ text: 'a long enough text', email: 'not-an-address' }, /"email".*not an e-mail address/],
      [{ text: 'a long enough text', country: 'XX' }, /"country".*not a country code/],
      [{}, /"text"/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect((await post({ text: 'a long enough text' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await s.app.request('/api/v1/datasets/nope/suggestions', { method: 'POST' })).status).toBe(404);
  });

  it('drops a filled honeypot silently (still 202), and an unknown agreement id is dropped, not the text', async () => {
    const before = (await list()).length;
    const bot = await post({ text: 'Buy cheap watches at our shop', website: 'https://spam.example' });
    expect(bot.status).toBe(202);
    expect(((await bot.json()) as { id: string }).id).toMatch(/^s_/);
    expect((await list()).length).toBe(before);
    expect((await post({ text: 'about a record that is gone', agreementId: 'agr_gone' })).status).toBe(202);
    expect((await list())[0]).toMatchObject({ text: 'about a record that is gone', agreementId: null });
  });

  it('allows 20 an hour per address, then 429 with Retry-After; an hour later again', async () => {
    clock += 7200_000;
    for (let i = 0; i < 20; i++) expect((await post({ text: `suggestion number ${i}` })).status).toBe(202);
    const res = await post({ text: 'one too many suggestions' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(3000);
    clock += 3601_000;
    expect((await post({ text: 'an hour later it is fine' })).status).toBe(202);
  });

  it('editors filter by status and close one with a note (PATCH, CSRF); readers get 401', async () => {
    const [latest] = await list();
    const id = latest!.id as string;
    const patch = (body: unknown, headers: Record<string, string>): Promise<Response> =>
      Promise.resolve(
        s.app.request(`/api/v1/suggestions/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
      );
    expect((await patch({ status: 'done' }, {})).status).toBe(401);
    expect((await patch({ status: 'done' }, { cookie: login.cookie })).status).toBe(403);
    const auth = { cookie: login.cookie, 'x-csrf-token': login.csrf };
    expect((await patch({ status: 'closed' }, auth)).status).toBe(400);
    expect((await patch({}, auth)).status).toBe(400);
    const res = await patch({ status: 'dismissed', note: 'not about this dataset' }, auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: 'dismissed', note: 'not about this dataset' });
    expect((await list('?status=dismissed')).map((x) => x.id)).toEqual([id]);
    expect((await list('?status=open')).some((x) => x.id === id)).toBe(false);
    expect(
      (
        await s.app.request(`/api/v1/datasets/${DS}/suggestions?status=closed`, {
          headers: { cookie: login.cookie },
        })
      ).status,
    ).toBe(400);
    expect((await s.app.request(`/api/v1/datasets/${DS}/suggestions`)).status).toBe(401);
    const missing = await s.app.request('/api/v1/suggestions/s_nope', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ status: 'done' }),
    });
    expect(missing.status).toBe(404);
  });

  it('a NUL character (U+0000) in any field is a 400 naming the field, not a 500 from PostgreSQL', async () => {
    clock += 2 * 3600_000; // a fresh hour: the limiter's count of the tests above does not matter here
    const before = (await list()).length;
    for (const [body, field] of [
      [{ text: 'a correction with a \u0000 in it' }, 'text'],
      [{ text: 'a long enough correction', agreementId: 'mou-\u0000' }, 'agreementId'],
    ] as const) {
      const res = await post(body);
      expect(res.status, field).toBe(400);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error.code, field).toBe('invalid_input');
      expect(error.message, field).toContain(`field "${field}": contains a NUL character (U+0000)`);
    }
    expect((await list()).length).toBe(before);
  });
});
