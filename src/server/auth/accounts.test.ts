import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetId } from '../../core/ids.ts';
import type { Agreement, CountryNote } from '../../core/schemas.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';
import { hashPassword } from './passwords.ts';

// Issue 11 against a real store on both dialects: the account lifecycle (disable, role, reset, own password, own
// sessions) ending sessions at once, the audit log, per-dataset rights on every write route, login limits in the
// database, the Origin / Fetch-Metadata check and fresh pages.

const ADMIN = { email: 'boss@example.org', password: 'the administrator passphrase' };
const EDITOR = { email: 'ed@example.org', password: 'an editor passphrase here' };
const NARROW = { email: 'narrow@example.org', password: 'only one dataset for me' };
const DS = 'cis-india-cyber';
const OTHER = 'other-atlas';

type Login = { cookie: string; csrf: string };
type Json = Record<string, unknown>;

describe.each(testDatabases('accounts'))('accounts on $dialect', (factory) => {
  let s: SeededApp;
  let clock = Date.parse('2026-06-01T00:00:00Z');
  let otherAgreement: Agreement;
  let otherNote: CountryNote;
  let mineAgreement: Agreement;
  let mineNote: CountryNote;

  const request = (path: string, init: RequestInit = {}): Promise<Response> =>
    Promise.resolve(s.app.request(path, init));
  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  const as = (l: Login, extra: Record<string, string> = {}): Record<string, string> => ({
    cookie: l.cookie,
    'x-csrf-token': l.csrf,
    ...extra,
  });
  const from = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });

  async function tryLogin(
    who: { email: string; password: string },
    address = '192.0.2.1',
  ): Promise<Response> {
    return request('/api/v1/session', json('POST', who, from(address)));
  }
  async function login(who: { email: string; password: string }, address = '192.0.2.1'): Promise<Login> {
    const res = await tryLogin(who, address);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
  }
  const whoami = async (l: Login): Promise<unknown> =>
    (
      (await (await request('/api/v1/session', { headers: { cookie: l.cookie } })).json()) as {
        user: unknown;
      }
    ).user;

  beforeAll(async () => {
    s = await seededApp(factory, {
      trustProxy: true,
      allowedOrigins: ['https://staging.example.org'],
      loginLimits: { perPair: 5, perAddress: 12, windowMs: 15 * 60_000, baseDelayMs: 30_000 },
      now: () => clock,
    });
    await s.store.createUser(ADMIN.email, 'admin', await hashPassword(ADMIN.password));
    await s.store.createUser(EDITOR.email, 'editor', await hashPassword(EDITOR.password));
    const config = (await s.store.getDataset(DS as DatasetId))!;
    await s.store.putDataset(
      { ...config, id: OTHER as DatasetId },
      { actor: 'test', reason: 'second dataset' },
    );
    await s.store.createUser(NARROW.email, 'editor', await hashPassword(NARROW.password), {
      datasets: [OTHER],
    });
    const by = { actor: 'test', reason: 'fixture' };
    const sample = (await s.store.listAgreements(DS as DatasetId))[0]!;
    const { id: _id, dataset: _d, version: _v, createdAt: _c, updatedAt: _u, ...content } = sample;
    otherAgreement = await s.store.createAgreement(OTHER as DatasetId, content, by);
    mineAgreement = (await s.store.listAgreements(DS as DatasetId))[1]!;
    mineNote = await s.store.createNote(
      DS as DatasetId,
      { country: 'KE', text: 'n', sources: [] } as never,
      by,
    );
    otherNote = await s.store.createNote(
      OTHER as DatasetId,
      { country: 'FR', text: 'n', sources: [] } as never,
      by,
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it('disabling ends the sessions at once; a disabled user gets the wrong-pair 401; enabling lets them back', async () => {
    const admin = await login(ADMIN);
    const ed = await login(EDITOR, '192.0.2.50');
    expect(await whoami(ed)).toMatchObject({ email: EDITOR.email });
    const off = await request(`/api/v1/users/${EDITOR.email}`, json('PATCH', { disabled: true }, as(admin)));
    expect(off.status).toBe(200);
    expect(((await off.json()) as { user: Json }).user).toMatchObject({ disabled: true });
    expect(await whoami(ed)).toBeNull();
    const refused = await tryLogin(EDITOR, '192.0.2.50');
    const wrong = await tryLogin({ ...EDITOR, password: 'not it at all' }, '192.0.2.50');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(await wrong.json());
    await request(`/api/v1/users/${EDITOR.email}`, json('PATCH', { disabled: false }, as(admin)));
    await login(EDITOR, '192.0.2.51');
    // An admin cannot lock themselves out.
    const self = await request(`/api/v1/users/${ADMIN.email}`, json('PATCH', { disabled: true }, as(admin)));
    expect(self.status).toBe(409);
    // Only admins change users.
    const ed2 = await login(EDITOR, '192.0.2.51');
    expect(
      (await request(`/api/v1/users/${ADMIN.email}`, json('PATCH', { role: 'editor' }, as(ed2)))).status,
    ).toBe(403);
    const unknown = await request(
      `/api/v1/users/${EDITOR.email}`,
      json('PATCH', { datasets: ['nope'] }, as(admin)),
    );
    expect(unknown.status).toBe(400);
  });

  it('a role change ends the sessions; datasets and publishing are kept per user', async () => {
    const admin = await login(ADMIN);
    const ed = await login(EDITOR, '192.0.2.52');
    const up = await request(`/api/v1/users/${EDITOR.email}`, json('PATCH', { role: 'admin' }, as(admin)));
    expect(((await up.json()) as { user: Json }).user).toMatchObject({ role: 'admin', canPublish: false });
    expect(await whoami(ed)).toBeNull();
    await request(
      `/api/v1/users/${EDITOR.email}`,
      json('PATCH', { role: 'editor', canPublish: true }, as(admin)),
    );
    const back = await login(EDITOR, '192.0.2.52');
    expect(await whoami(back)).toEqual({
      email: EDITOR.email,
      role: 'editor',
      datasets: null,
      canPublish: true,
    });
    await request(`/api/v1/users/${EDITOR.email}`, json('PATCH', { canPublish: false }, as(admin)));
  });

  it('an admin resets a password: the old one fails, every session of that user ends', async () => {
    const admin = await login(ADMIN);
    const ed = await login(EDITOR, '192.0.2.53');
    const short = await request(
      `/api/v1/users/${EDITOR.email}/password`,
      json('POST', { password: 'short' }, as(admin)),
    );
    expect(short.status).toBe(400);
    const newPassword = 'a brand new editor passphrase';
    const reset = await request(
      `/api/v1/users/${EDITOR.email}/password`,
      json('POST', { password: newPassword }, as(admin)),
    );
    expect(reset.status).toBe(204);
    expect(await whoami(ed)).toBeNull();
    expect((await tryLogin(EDITOR, '192.0.2.53')).status).toBe(401);
    await login({ ...EDITOR, password: newPassword }, '192.0.2.53');
    await request(
      `/api/v1/users/${EDITOR.email}/password`,
      json('POST', { password: EDITOR.password }, as(admin)),
    );
  });

  it('a user changes their own password with the current one: other sessions end, this one stays', async () => {
    const here = await login(EDITOR, '192.0.2.60');
    const there = await login(EDITOR, '192.0.2.61');
    const wrong = await request(
      '/api/v1/session/password',
      json('POST', { current: 'not my password', password: 'whatever whatever' }, as(here)),
    );
    expect(wrong.status).toBe(400);
    const next = 'my own new passphrase';
    const ok = await request(
      '/api/v1/session/password',
      json('POST', { current: EDITOR.password, password: next }, as(here)),
    );
    expect(ok.status).toBe(204);
    expect(await whoami(here)).toMatchObject({ email: EDITOR.email });
    expect(await whoami(there)).toBeNull();
    const again = await login({ ...EDITOR, password: next }, '192.0.2.60');
    await request(
      '/api/v1/session/password',
      json('POST', { current: next, password: EDITOR.password }, as(again)),
    );
  });

  it('a user lists their own sessions (when, where, which browser) and ends one or all others', async () => {
    const a = await login(NARROW, '198.51.100.7');
    const b = await request(
      '/api/v1/session',
      json('POST', NARROW, { ...from('198.51.100.8'), 'user-agent': 'Phone 1' }),
    );
    const bLogin = {
      cookie: b.headers.get('set-cookie')!.split(';')[0]!,
      csrf: ((await b.json()) as { csrfToken: string }).csrfToken,
    };
    const c = await login(NARROW, '198.51.100.9');
    const list = await request('/api/v1/session/list', { headers: { cookie: a.cookie } });
    const sessions = ((await list.json()) as { sessions: Array<Json & { id: string }> }).sessions;
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((x) => x.current)).toHaveLength(1);
    const phone = sessions.find((x) => x.userAgent === 'Phone 1')!;
    expect(phone).toMatchObject({ address: '198.51.100.8', current: false });
    expect(typeof phone.createdAt).toBe('string');
    expect(JSON.stringify(sessions)).not.toMatch(/csrf/i);
    expect((await request(`/api/v1/session/list/${phone.id}`, json('DELETE', undefined, as(a)))).status).toBe(
      204,
    );
    expect(await whoami(bLogin)).toBeNull();
    expect((await request('/api/v1/session/list/nope', json('DELETE', undefined, as(a)))).status).toBe(404);
    const all = await request('/api/v1/session/list', json('DELETE', undefined, as(a)));
    expect(await all.json()).toEqual({ ended: 1 });
    expect(await whoami(c)).toBeNull();
    expect(await whoami(a)).toMatchObject({ email: NARROW.email });
  });

  it('an editor of one dataset gets 403 on every write to another dataset’s records, and may write their own', async () => {
    const narrow = await login(NARROW, '198.51.100.20');
    const denied = async (path: string, init: RequestInit): Promise<void> => {
      const res = await request(path, init);
      expect(res.status, `${init.method} ${path}`).toBe(403);
      expect(((await res.json()) as { error: Json }).error.message).toMatch(/other-atlas|publish/);
    };
    const a = mineAgreement;
    const h = (extra: Record<string, string> = {}): Record<string, string> => as(narrow, extra);
    await denied(`/api/v1/datasets/${DS}/agreements`, json('POST', { title: 'x' }, h()));
    await denied(`/api/v1/datasets/${DS}/notes`, json('POST', { country: 'FR', text: 'x' }, h()));
    await denied(`/api/v1/datasets/${DS}/import?filename=a.csv`, {
      method: 'POST',
      body: 'id,title\n',
      headers: h({ 'content-type': 'text/csv' }),
    });
    await denied(`/api/v1/datasets/${DS}`, json('PATCH', { title: 'Mine now' }, h()));
    await denied(
      `/api/v1/agreements/${a.id}`,
      json('PATCH', { title: 'x' }, h({ 'if-match': `"${a.version}"` })),
    );
    await denied(
      `/api/v1/agreements/${a.id}`,
      json('DELETE', undefined, h({ 'if-match': `"${a.version}"` })),
    );
    const rev = (await s.store.listRevisions(a.id))[0]!;
    await denied(`/api/v1/agreements/${a.id}/revert`, json('POST', { revision: rev.id }, h()));
    const note = mineNote;
    await denied(
      `/api/v1/notes/${note.id}`,
      json('PATCH', { text: 'x' }, h({ 'if-match': `"${note.version}"` })),
    );
    await denied(
      `/api/v1/notes/${note.id}`,
      json('DELETE', undefined, h({ 'if-match': `"${note.version}"` })),
    );
    const noteRev = (await s.store.listRevisions(note.id))[0]!;
    await denied(`/api/v1/notes/${note.id}/revert`, json('POST', { revision: noteRev.id }, h()));
    await denied('/api/v1/publish', json('POST', undefined, h()));
    expect(await s.store.getAgreement(a.id)).toEqual(a);
    expect(await s.store.getNote(note.id)).toEqual(note);

    // Their own dataset: changes go through.
    const ok = await request(
      `/api/v1/agreements/${otherAgreement.id}`,
      json('PATCH', { title: 'Changed by its editor' }, h({ 'if-match': `"${otherAgreement.version}"` })),
    );
    expect(ok.status).toBe(200);
    const noteOk = await request(
      `/api/v1/notes/${otherNote.id}`,
      json('PATCH', { text: 'Noted by its editor' }, h({ 'if-match': `"${otherNote.version}"` })),
    );
    expect(noteOk.status).toBe(200);
    const created = await request(
      `/api/v1/datasets/${OTHER}/notes`,
      json('POST', { country: 'Kenya', text: 'new note' }, h()),
    );
    expect(created.status).toBe(201);
    const deleted = await request(
      `/api/v1/agreements/${otherAgreement.id}`,
      json('DELETE', undefined, h({ 'if-match': '*' })),
    );
    expect(deleted.status).toBe(204);
    // A deleted record's dataset is known from its history: reverting it is still checked.
    const revs = await s.store.listRevisions(otherAgreement.id);
    const back = await request(
      `/api/v1/agreements/${otherAgreement.id}/revert`,
      // A deleted record has no version to compare: If-Match: * (the editor API's any-version).
      json('POST', { revision: revs[0]!.id }, h({ 'if-match': '*' })),
    );
    expect(back.status).toBe(200);
    // An editor with every dataset (datasets: null) may write to both.
    const ed = await login(EDITOR, '198.51.100.21');
    const wide = await request(
      `/api/v1/agreements/${a.id}`,
      json('PATCH', { title: a.title }, as(ed, { 'if-match': `"${a.version}"` })),
    );
    expect(wide.status).toBe(200);
  });

  it('limits failures per (e-mail, address) in the database with back-off; the owner elsewhere still logs in', async () => {
    const owner = { email: 'owner@example.org', password: 'the owner passphrase' };
    await s.store.createUser(owner.email, 'editor', await hashPassword(owner.password));
    const bad = { ...owner, password: 'guess guess guess' };
    for (let i = 0; i < 5; i++) expect((await tryLogin(bad, '203.0.113.66')).status).toBe(401);
    const blocked = await tryLogin(owner, '203.0.113.66');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(30);
    // The owner, from an address without failures, is never refused.
    await login(owner, '198.51.100.99');
    // Back-off: after 30 s one more try; a failure then doubles the wait.
    clock += 31_000;
    expect((await tryLogin(bad, '203.0.113.66')).status).toBe(401);
    const longer = await tryLogin(bad, '203.0.113.66');
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('retry-after'))).toBe(60);
    // The window passes: the pair may try again.
    clock += 16 * 60_000;
    await login(owner, '203.0.113.66');
  });

  it('limits one address across e-mails with a high cap, without touching other addresses', async () => {
    for (let i = 0; i < 12; i++)
      expect(
        (await tryLogin({ email: `spray${i}@example.org`, password: 'x' }, '203.0.113.200')).status,
      ).toBe(401);
    const capped = await tryLogin(ADMIN, '203.0.113.200');
    expect(capped.status).toBe(429);
    await login(ADMIN, '203.0.113.201');
    clock += 16 * 60_000;
  });

  it('keeps an audit log of logins, failures, logouts, account changes and imports; admins read it', async () => {
    const admin = await login(ADMIN, '192.0.2.99');
    await tryLogin({ ...NARROW, password: 'wrong wrong wrong' }, '192.0.2.98');
    const narrow = await login(NARROW, '192.0.2.97');
    await request(`/api/v1/users/${NARROW.email}`, json('PATCH', { canPublish: false }, as(admin)));
    const csv = await (await request(`/api/v1/datasets/${OTHER}/export.csv`)).text();
    const narrow2 = await login(NARROW, '192.0.2.97');
    const imported = await request(`/api/v1/datasets/${OTHER}/import?filename=again.csv`, {
      method: 'POST',
      body: csv,
      headers: as(narrow2, { 'content-type': 'text/csv' }),
    });
    expect(imported.status).toBe(200);
    await request('/api/v1/session', json('DELETE', undefined, as(narrow2)));
    expect((await request('/api/v1/audit', { headers: { cookie: narrow2.cookie } })).status).toBe(401);
    expect((await request('/api/v1/audit', { headers: { cookie: narrow.cookie } })).status).toBe(403);
    const ed = await login(EDITOR, '192.0.2.96');
    expect((await request('/api/v1/audit', { headers: { cookie: ed.cookie } })).status).toBe(403);
    const res = await request('/api/v1/audit?limit=50', { headers: { cookie: admin.cookie } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { entries } = (await res.json()) as { entries: Array<Json & { action: string; details: Json }> };
    const find = (action: string, pred: (e: Json & { details: Json }) => boolean = () => true) =>
      entries.find((e) => e.action === action && pred(e));
    expect(find('login-failed', (e) => e.details.email === NARROW.email)).toMatchObject({
      actor: null,
      address: '192.0.2.98',
    });
    expect(find('login', (e) => e.actor === NARROW.email)).toMatchObject({ address: '192.0.2.97' });
    expect(find('user-changed')).toMatchObject({
      actor: ADMIN.email,
      details: { email: NARROW.email, canPublish: false },
    });
    expect(find('import')).toMatchObject({
      actor: NARROW.email,
      details: { dataset: OTHER, file: 'again.csv' },
    });
    expect(find('logout')).toMatchObject({ actor: NARROW.email });
    expect(find('password-reset')).toMatchObject({ actor: ADMIN.email, details: { email: EDITOR.email } });
    expect(JSON.stringify(entries)).not.toContain(EDITOR.password);
    expect(JSON.stringify(entries)).not.toContain('wrong wrong wrong');
    expect((await request('/api/v1/audit?limit=0', { headers: { cookie: admin.cookie } })).status).toBe(400);
  });

  it('refuses state changes from a foreign Origin or Sec-Fetch-Site: cross-site, token or not', async () => {
    const ed = await login(EDITOR, '192.0.2.120');
    const a = (await s.store.listAgreements(DS as DatasetId))[2]!;
    const patch = (extra: Record<string, string>): RequestInit =>
      json('PATCH', { title: a.title }, as(ed, { 'if-match': '*', ...extra }));
    const url = `http://localhost/api/v1/agreements/${a.id}`;
    for (const headers of <Array<Record<string, string>>>[
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await request(url, patch(headers));
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: Json }).error.code).toBe('cross_origin');
    }
    expect((await s.store.getAgreement(a.id))?.version).toBe(a.version);
    // Its own origin, a configured one, or none (a script, not a browser): judged by session and token.
    expect(
      (await request(url, patch({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }))).status,
    ).toBe(200);
    expect((await request(url, patch({ origin: 'https://staging.example.org' }))).status).toBe(200);
    expect((await request(url, patch({}))).status).toBe(200);
    // Behind a trusted proxy the origin is the one the proxy says.
    expect(
      (
        await request(
          url,
          patch({
            origin: 'https://atlas.example.org',
            'x-forwarded-host': 'atlas.example.org',
            'x-forwarded-proto': 'https',
          }),
        )
      ).status,
    ).toBe(200);
    // The login form is a state change too.
    expect(
      (
        await request(
          'http://localhost/api/v1/session',
          json('POST', EDITOR, { origin: 'https://evil.example' }),
        )
      ).status,
    ).toBe(403);
    // Readers' suggestions are open to any site by name: not refused as cross-origin (404 until the route exists).
    const suggestion = await request(
      `http://localhost/api/v1/datasets/${DS}/suggestions`,
      json('POST', { text: 'x' }, { origin: 'https://news.example', 'sec-fetch-site': 'cross-site' }),
    );
    expect(suggestion.status).not.toBe(403);
    // Its preflight allows a cross-site JSON POST; other writes' preflights do not.
    const preflight = (path: string): Promise<Response> =>
      request(`http://localhost${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://news.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const open = await preflight(`/api/v1/datasets/${DS}/suggestions`);
    expect(open.headers.get('access-control-allow-methods')).toContain('POST');
    expect(open.headers.get('access-control-allow-credentials')).toBeNull();
    const closed = await preflight(`/api/v1/datasets/${DS}/agreements`);
    expect(closed.headers.get('access-control-allow-methods') ?? '').not.toContain('POST');
  });

  it('sends live pages and API answers as no-cache with an ETag (304 when unchanged); hashed assets stay immutable', async () => {
    for (const path of [
      '/',
      `/d/${DS}/`,
      '/embed/',
      `/api/v1/datasets/${DS}`,
      `/api/v1/agreements/${mineAgreement.id}`,
    ]) {
      const res = await request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('public, no-cache');
      const etag = res.headers.get('etag');
      expect(etag, path).toMatch(/^(W\/)?"/);
      const again = await request(path, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
    }
  });
});
