import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../bake/webBuild.ts';
import type { Agreement } from '../../core/schemas.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';
import { ImportReportSchema } from './editorSchemas.ts';

// The editor API of DESIGN.md against a real store (SQLite, and PostgreSQL when TEST_DATABASE_URL is set):
// sessions, CSRF, failed-login limits, optimistic concurrency, validation, history, revert, users — and the
// public read API showing each change at once.

const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };
const EDITOR = { email: 'editor@example.org', password: 'another long passphrase' };
const DS = 'cis-india-cyber';

type Json = Record<string, unknown>;
type Login = { cookie: string; csrf: string };

describe.each(testDatabases('editor'))('editor API on $dialect', (factory) => {
  let s: SeededApp;
  let clock = 0;
  const request = (path: string, init: RequestInit = {}) => s.app.request(path, init);
  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  const as = (login: Login, extra: Record<string, string> = {}) => ({
    cookie: login.cookie,
    'x-csrf-token': login.csrf,
    ...extra,
  });

  async function login(who: { email: string; password: string }): Promise<Login> {
    const res = await request('/api/v1/session', json('POST', who));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, csrf: body.csrfToken };
  }

  async function stats(): Promise<{ counts: Record<string, number>; partners: number }> {
    const res = await request(`/api/v1/datasets/${DS}`);
    return ((await res.json()) as { stats: { counts: Record<string, number>; partners: number } }).stats;
  }

  async function firstOf(category: string, partner: string): Promise<Agreement> {
    const res = await request(`/api/v1/datasets/${DS}/agreements?category=${category}&partner=${partner}`);
    return ((await res.json()) as { agreements: Agreement[] }).agreements[0]!;
  }

  beforeAll(async () => {
    s = await seededApp(factory, {
      loginLimits: { perPair: 3, perAddress: 50, windowMs: 60_000 },
      now: () => clock,
    });
    await s.store.createUser(ADMIN.email, 'admin', await hashPassword(ADMIN.password));
    await s.store.createUser(EDITOR.email, 'editor', await hashPassword(EDITOR.password));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie and a CSRF token; one answer for every wrong pair', async () => {
    const res = await request('/api/v1/session', json('POST', EDITOR));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: Json; csrfToken: string };
    expect(body.user).toEqual({ email: EDITOR.email, role: 'editor', datasets: null, canPublish: false });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^atlas_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const wrongPassword = await request(
      '/api/v1/session',
      json('POST', { ...EDITOR, password: 'nope nope nope' }),
    );
    const unknownUser = await request('/api/v1/session', json('POST', { email: 'who@x.org', password: 'x' }));
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownUser.json());
    // The session says who is logged in and repeats the token.
    const me = await request('/api/v1/session', { headers: { cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });
  });

  it('limits failed logins per e-mail: 429 with Retry-After, even for the right password, until the window passes', async () => {
    const target = { email: 'limited@example.org', password: 'a password that is long' };
    await s.store.createUser(target.email, 'editor', await hashPassword(target.password));
    for (let i = 0; i < 3; i++) {
      const r = await request('/api/v1/session', json('POST', { ...target, password: `wrong ${i}` }));
      expect(r.status).toBe(401);
    }
    const blocked = await request('/api/v1/session', json('POST', target));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: Json }).error.code).toBe('rate_limited');
    clock += 61_000;
    expect((await request('/api/v1/session', json('POST', target))).status).toBe(200);
  });

  it('refuses a login posted from another site', async () => {
    const res = await request(
      'http://localhost/api/v1/session',
      json('POST', EDITOR, { origin: 'https://evil.example', host: 'localhost' }),
    );
    expect(res.status).toBe(403);
  });

  it('a change needs a session (401) and its CSRF token (403)', async () => {
    const a = await firstOf('mou', 'SG');
    const patch = json('PATCH', { title: 'x' }, { 'if-match': `"${a.version}"` });
    expect((await request(`/api/v1/agreements/${a.id}`, patch)).status).toBe(401);
    const me = await login(EDITOR);
    const noToken = await request(`/api/v1/agreements/${a.id}`, {
      ...patch,
      headers: { ...(patch.headers as Json), cookie: me.cookie },
    } as RequestInit);
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: Json }).error.code).toBe('csrf');
    const wrongToken = await request(`/api/v1/agreements/${a.id}`, {
      ...patch,
      headers: { ...(patch.headers as Json), ...as({ ...me, csrf: `${me.csrf}x` }) },
    } as RequestInit);
    expect(wrongToken.status).toBe(403);
    expect((await s.store.getAgreement(a.id))?.version).toBe(a.version);
  });

  it('PATCH needs If-Match (428), refuses a stale version (409 with the current record), and the public counts follow at once', async () => {
    const me = await login(EDITOR);
    const before = await stats();
    const a = await firstOf('mou', 'SG');
    const url = `/api/v1/agreements/${a.id}`;
    expect((await request(url, json('PATCH', { category: 'framework' }, as(me)))).status).toBe(428);
    const stale = await request(
      url,
      json('PATCH', { category: 'framework' }, as(me, { 'if-match': `"${a.version + 5}"` })),
    );
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: Agreement }).current.version).toBe(a.version);
    const ok = await request(
      url,
      json('PATCH', { category: 'framework', date: 'Aug 2015' }, as(me, { 'if-match': `"${a.version}"` })),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe(`"${a.version + 1}"`);
    const changed = (await ok.json()) as Agreement;
    expect(changed).toMatchObject({ category: 'framework', date: { year: 2015, month: 8, day: null } });
    const after = await stats();
    expect(after.counts.mou).toBe(before.counts.mou! - 1);
    expect(after.counts.framework).toBe(before.counts.framework! + 1);
    // If-Match: * means "whatever the version is now": the client means to overwrite.
    const any = await request(url, json('PATCH', { title: 'Overwritten' }, as(me, { 'if-match': '*' })));
    expect(any.status).toBe(200);
    expect(any.headers.get('etag')).toBe(`"${a.version + 2}"`);
    // The same version again is now stale.
    const again = await request(url, json('PATCH', { title: 'y' }, as(me, { 'if-match': `"${a.version}"` })));
    expect(again.status).toBe(409);
  });

  it('a bad PATCH names every bad field and changes nothing', async () => {
    const me = await login(EDITOR);
    const a = await firstOf('mlat', 'FR');
    const res = await request(
      `/api/v1/agreements/${a.id}`,
      json(
        'PATCH',
        {
          category: 'nope',
          partners: ['Atlantis', 'IN'],
          sources: ['javascript:alert(1)'],
          date: '2015-02-30',
        },
        as(me, { 'if-match': `"${a.version}"` }),
      ),
    );
    expect(res.status).toBe(400);
    const err = ((await res.json()) as { error: { code: string; details: Array<{ field: string }> } }).error;
    expect(err.code).toBe('invalid_input');
    expect(err.details.map((d) => d.field).sort()).toEqual([
      'category',
      'date',
      'partners.0',
      'partners.1',
      'sources.0.url',
    ]);
    expect(await s.store.getAgreement(a.id)).toEqual(a);
    const unknownField = await request(
      `/api/v1/agreements/${a.id}`,
      json('PATCH', { colour: 'red' }, as(me, { 'if-match': `"${a.version}"` })),
    );
    expect(unknownField.status).toBe(400);
    const notJson = await request(`/api/v1/agreements/${a.id}`, {
      method: 'PATCH',
      body: '{"title":',
      headers: as(me, { 'if-match': `"${a.version}"`, 'content-type': 'application/json' }),
    });
    expect(((await notJson.json()) as { error: Json }).error.code).toBe('invalid_json');
    const form = await request(`/api/v1/agreements/${a.id}`, {
      method: 'PATCH',
      body: 'title=x',
      headers: as(me, { 'if-match': `"${a.version}"`, 'content-type': 'application/x-www-form-urlencoded' }),
    });
    expect(form.status).toBe(415);
  });

  it('POST creates an agreement from names and a date as text (201, Location, ETag), counted at once', async () => {
    const me = await login(EDITOR);
    const before = await stats();
    const res = await request(
      `/api/v1/datasets/${DS}/agreements`,
      json(
        'POST',
        {
          category: 'mou',
          partners: ['Burma'],
          date: 'Aug 2019',
          sources: ['https://example.org/mm-mou'],
          summary: 'A new MoU',
        },
        as(me),
      ),
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as Agreement;
    expect(res.headers.get('location')).toBe(`/api/v1/agreements/${created.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(created).toMatchObject({ partners: ['MM'], date: { year: 2019, month: 8 }, version: 1 });
    expect((await stats()).counts.mou).toBe(before.counts.mou! + 1);
    const missing = await request(
      `/api/v1/datasets/${DS}/agreements`,
      json('POST', { category: 'mou' }, as(me)),
    );
    expect(missing.status).toBe(400);
    const noDataset = await request(
      '/api/v1/datasets/nope/agreements',
      json('POST', { category: 'mou', partners: ['FR'] }, as(me)),
    );
    expect(noDataset.status).toBe(404);
  });

  it('DELETE with If-Match; the history lists every change and a revert brings the record back', async () => {
    const me = await login(EDITOR);
    const a = await firstOf('mlat', 'US');
    const url = `/api/v1/agreements/${a.id}`;
    const edited = await request(
      url,
      json('PATCH', { summary: 'Edited' }, as(me, { 'if-match': `"${a.version}"` })),
    );
    expect(edited.status).toBe(200);
    expect((await request(url, { method: 'DELETE', headers: as(me) })).status).toBe(428);
    const del = await request(url, {
      method: 'DELETE',
      headers: as(me, { 'if-match': `"${a.version + 1}"` }),
    });
    expect(del.status).toBe(204);
    expect((await request(url)).status).toBe(404);
    const history = await request(`${url}/revisions`, { headers: { cookie: me.cookie } });
    const revisions = (
      (await history.json()) as { revisions: Array<{ id: number; action: string; actor: string }> }
    ).revisions;
    expect(revisions.map((r) => r.action).slice(0, 2)).toEqual(['delete', 'update']);
    expect(revisions[0]?.actor).toBe(EDITOR.email);
    // Reverting a revision undoes it: undoing the delete brings back the edited record; undoing the edit then
    // restores the original summary.
    // (A deleted record has no version to match: "*".)
    const revert = await request(
      `${url}/revert`,
      json('POST', { revision: revisions[0]!.id }, as(me, { 'if-match': '*' })),
    );
    expect(revert.status).toBe(200);
    expect(((await revert.json()) as Agreement).summary).toBe('Edited');
    expect((await request(url)).status).toBe(200);
    const update = revisions.find((r) => r.action === 'update')!;
    const undoEdit = await request(
      `${url}/revert`,
      json('POST', { revision: update.id }, as(me, { 'if-match': revert.headers.get('etag')! })),
    );
    expect(((await undoEdit.json()) as Agreement).summary).toBe(a.summary);
    const missing = json('POST', { revision: 999_999 }, as(me, { 'if-match': '*' }));
    expect((await request(`${url}/revert`, missing)).status).toBe(404);
    expect((await request(`${url}/revisions`)).status).toBe(401);
  });

  it('revert: If-Match (428, 409 stale), a field changed later is a 409 naming it, force overrides; the reason and diff are returned', async () => {
    const me = await login(EDITOR);
    const a = await firstOf('mou', 'JP');
    const url = `/api/v1/agreements/${a.id}`;
    const patch = async (body: Json, version: number, reason?: string) => {
      const headers = as(me, {
        'if-match': `"${version}"`,
        ...(reason ? { 'x-change-reason': reason } : {}),
      });
      const res = await request(url, json('PATCH', body, headers));
      expect(res.status).toBe(200);
      return (await res.json()) as Agreement;
    };
    // A reason in any script arrives whole (RFC 8187 style), a Latin-1 one as it is.
    await patch({ date: 'Mar 2016' }, a.version, `UTF-8''${encodeURIComponent('Date per MEA — 外務省')}`);
    const badReason = await request(
      url,
      json(
        'PATCH',
        { title: 'x' },
        as(me, { 'if-match': `"${a.version + 1}"`, 'x-change-reason': "UTF-8''%E2%ZZ" }),
      ),
    );
    expect(badReason.status).toBe(400);
    expect(((await badReason.json()) as { error: { message: string } }).error.message).toContain(
      'X-Change-Reason',
    );
    await patch({ title: 'Later title' }, a.version + 1, 'Title from the treaty text');
    const history = async () =>
      (
        (await (await request(`${url}/revisions`, { headers: { cookie: me.cookie } })).json()) as {
          revisions: Array<{
            id: number;
            reason: string;
            diff: Array<{ field: string; before: unknown; after: unknown }>;
          }>;
        }
      ).revisions;
    const [titleRev, dateRev] = await history();
    expect(dateRev!.reason).toBe('Date per MEA — 外務省');
    expect(titleRev!.reason).toBe('Title from the treaty text');
    expect(dateRev!.diff).toEqual([
      { field: 'date', before: a.date, after: { text: 'Mar 2016', year: 2016, month: 3, day: null } },
    ]);
    expect(titleRev!.diff).toEqual([{ field: 'title', before: a.title, after: 'Later title' }]);

    const revert = (body: Json, ifMatch?: string) =>
      request(`${url}/revert`, json('POST', body, as(me, ifMatch ? { 'if-match': ifMatch } : {})));
    expect((await revert({ revision: dateRev!.id })).status).toBe(428);
    const stale = await revert({ revision: dateRev!.id }, `"${a.version}"`);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: Agreement }).current.version).toBe(a.version + 2);

    // Undoing the older date change keeps the later title.
    const undone = await revert({ revision: dateRev!.id }, `"${a.version + 2}"`);
    expect(undone.status).toBe(200);
    expect(undone.headers.get('etag')).toBe(`"${a.version + 3}"`);
    expect(await undone.json()).toMatchObject({ date: a.date, title: 'Later title' });
    expect((await history())[0]).toMatchObject({ reason: `undid revision ${dateRev!.id}` });

    // The date changed twice since: undoing the first change is a conflict naming the date…
    await patch({ date: '2017' }, a.version + 3);
    await patch({ date: '2018' }, a.version + 4, 'Another source');
    const [second, first] = await history();
    const conflict = await revert({ revision: first!.id }, `"${a.version + 5}"`);
    expect(conflict.status).toBe(409);
    const body = (await conflict.json()) as {
      error: { code: string; message: string; fields: string[]; later: Array<Json> };
      current: Agreement;
    };
    expect(body.error.code).toBe('changed_later');
    expect(body.error.fields).toEqual(['date']);
    expect(body.error.later).toEqual([
      { field: 'date', revision: second!.id, actor: EDITOR.email, at: expect.any(String) },
    ]);
    expect(body.current.version).toBe(a.version + 5);
    expect((await s.store.getAgreement(a.id))?.date.year).toBe(2018);
    // …and force undoes it anyway.
    const forced = await revert({ revision: first!.id, force: true }, `"${a.version + 5}"`);
    expect(forced.status).toBe(200);
    expect(((await forced.json()) as Agreement).date).toEqual(a.date);
    expect((await revert({ revision: first!.id, force: 'yes' }, '*')).status).toBe(400);

    // Notes alike.
    const created = await request(
      `/api/v1/datasets/${DS}/notes`,
      json('POST', { country: 'Chile', text: 'one' }, as(me)),
    );
    const noteUrl = `/api/v1/notes/${((await created.json()) as { id: string }).id}`;
    for (const [text, v] of [
      ['two', 1],
      ['three', 2],
    ] as const) {
      const res = await request(noteUrl, json('PATCH', { text }, as(me, { 'if-match': `"${v}"` })));
      expect(res.status).toBe(200);
    }
    const noteRevisions = (
      (await (await request(`${noteUrl}/revisions`, { headers: { cookie: me.cookie } })).json()) as {
        revisions: Array<{ id: number; diff: Array<{ field: string }> }>;
      }
    ).revisions;
    expect(noteRevisions[1]!.diff).toEqual([{ field: 'text', before: 'one', after: 'two' }]);
    const undoNote = (body: Json, ifMatch?: string) =>
      request(`${noteUrl}/revert`, json('POST', body, as(me, ifMatch ? { 'if-match': ifMatch } : {})));
    expect((await undoNote({ revision: noteRevisions[1]!.id })).status).toBe(428);
    expect((await undoNote({ revision: noteRevisions[1]!.id }, '"2"')).status).toBe(409);
    const noteConflict = await undoNote({ revision: noteRevisions[1]!.id }, '"3"');
    expect(noteConflict.status).toBe(409);
    expect(((await noteConflict.json()) as { error: { fields: string[] } }).error.fields).toEqual(['text']);
    const noteForced = await undoNote({ revision: noteRevisions[1]!.id, force: true }, '"3"');
    expect(((await noteForced.json()) as { text: string; version: number }).text).toBe('one');
  });

  it('research notes: create by country name, change with If-Match, shown on the country at once, history and undo', async () => {
    const me = await login(EDITOR);
    const created = await request(
      `/api/v1/datasets/${DS}/notes`,
      json(
        'POST',
        { country: 'Kenya', text: 'MoU found, no cyber clause', sources: ['https://example.org/ke'] },
        as(me),
      ),
    );
    expect(created.status).toBe(201);
    const note = (await created.json()) as { id: string; version: number; country: string };
    expect(note.country).toBe('KE');
    expect(created.headers.get('location')).toBe(`/api/v1/notes/${note.id}`);
    const country = async () =>
      (
        (await (await request(`/api/v1/datasets/${DS}/countries/KE`)).json()) as {
          notes: Array<{ text: string }>;
        }
      ).notes;
    expect((await country()).map((n) => n.text)).toContain('MoU found, no cyber clause');

    const url = `/api/v1/notes/${note.id}`;
    expect((await request(url, json('PATCH', { text: 'x' }, as(me)))).status).toBe(428);
    const changed = await request(
      url,
      json('PATCH', { text: 'Checked again: no clause' }, as(me, { 'if-match': '"1"' })),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect((await country()).map((n) => n.text)).toContain('Checked again: no clause');
    const bad = await request(url, json('PATCH', { country: 'Atlantis' }, as(me, { 'if-match': '"2"' })));
    expect(
      ((await bad.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]?.field,
    ).toBe('country');

    const revisions = (
      (await (await request(`${url}/revisions`, { headers: { cookie: me.cookie } })).json()) as {
        revisions: Array<{ id: number; action: string }>;
      }
    ).revisions;
    expect(revisions.map((r) => r.action)).toEqual(['update', 'create']);
    const undo = await request(
      `${url}/revert`,
      json('POST', { revision: revisions[0]!.id }, as(me, { 'if-match': '"2"' })),
    );
    expect(((await undo.json()) as { text: string }).text).toBe('MoU found, no cyber clause');
    const del = await request(url, { method: 'DELETE', headers: as(me, { 'if-match': '"3"' }) });
    expect(del.status).toBe(204);
    expect((await country()).map((n) => n.text)).not.toContain('MoU found, no cyber clause');
  });

  it("the dataset's recent changes: newest first, who and what; editors only; a bad limit is a 400", async () => {
    const me = await login(EDITOR);
    const url = `/api/v1/datasets/${DS}/revisions`;
    expect((await request(url)).status).toBe(401);
    const res = await request(`${url}?limit=5`, { headers: { cookie: me.cookie } });
    const revisions = (
      (await res.json()) as { revisions: Array<{ id: number; actor: string; entity: string }> }
    ).revisions;
    expect(revisions).toHaveLength(5);
    expect(revisions.map((r) => r.id)).toEqual([...revisions.map((r) => r.id)].sort((a, b) => b - a));
    expect(revisions[0]?.actor).toBe(EDITOR.email);
    expect((await request(`${url}?limit=0`, { headers: { cookie: me.cookie } })).status).toBe(400);
  });

  it('an admin changes what readers see of the dataset; the page and the API show it at once; bad values are named', async () => {
    const editor = await login(EDITOR);
    const url = `/api/v1/datasets/${DS}`;
    expect((await request(url, json('PATCH', { title: 'x' }, as(editor)))).status).toBe(403);
    const admin = await login(ADMIN);
    const ok = await request(
      url,
      json(
        'PATCH',
        {
          title: 'India’s cyber agreements',
          categories: [{ id: 'mlat', label: 'Legal assistance treaties', color: '#114477' }],
        },
        as(admin),
      ),
    );
    expect(ok.status).toBe(200);
    const read = (await (await request(url)).json()) as {
      dataset: { title: string; categories: Array<Json> };
    };
    expect(read.dataset.title).toBe('India’s cyber agreements');
    expect(read.dataset.categories[0]).toMatchObject({
      id: 'mlat',
      label: 'Legal assistance treaties',
      color: '#114477',
      count: 'partners',
    });
    expect(await (await request('/')).text()).toContain('<title>India’s cyber agreements');
    const bad = await request(
      url,
      json(
        'PATCH',
        { sourceUrl: 'javascript:alert(1)', categories: [{ id: 'mou', color: 'red' }] },
        as(admin),
      ),
    );
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { details: Array<{ field: string }> } }).error.details.map(
      (d) => d.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['categories.0.color']));
    const unknown = await request(
      url,
      json('PATCH', { categories: [{ id: 'trade', label: 'Trade' }] }, as(admin)),
    );
    expect(unknown.status).toBe(400);
    const source = await request(url, json('PATCH', { sourceUrl: 'javascript:alert(1)' }, as(admin)));
    expect(
      ((await source.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]?.field,
    ).toBe('sourceUrl');
    // The map's boundaries and "data as of": set, read back, refused when wrong, removed when empty.
    const settings = await request(
      url,
      json('PATCH', { boundaries: 'de-facto', dataAsOf: '2017-03' }, as(admin)),
    );
    expect(settings.status).toBe(200);
    expect(((await (await request(url)).json()) as { dataset: Json }).dataset).toMatchObject({
      boundaries: 'de-facto',
      dataAsOf: '2017-03',
    });
    // The page (or its stand-in while src/web is not built) says how recent the research is, not the import day.
    expect(await (await request('/')).text()).toMatch(
      /Data as of (2017-03\.|<time datetime="2017-03">March 2017<\/time>)/,
    );
    const wrong = await request(url, json('PATCH', { boundaries: 'XX', dataAsOf: 'spring' }, as(admin)));
    expect(wrong.status).toBe(400);
    expect(
      ((await wrong.json()) as { error: { details: Array<{ field: string }> } }).error.details
        .map((d) => d.field)
        .sort(),
    ).toEqual(['boundaries', 'dataAsOf']);
    const cleared = await request(url, json('PATCH', { boundaries: 'IN', dataAsOf: '' }, as(admin)));
    const after = ((await cleared.json()) as { dataset: Json }).dataset;
    expect(after).not.toHaveProperty('dataAsOf');
    expect(after.boundaries).toBe('IN');
    const fallback = await (await request('/')).text();
    expect(fallback).toMatch(/Latest agreement: (\d{4}(-\d\d)?\.|<time datetime="\d{4}(-\d\d)?">)/);
    expect(fallback).not.toContain('Last updated');
    const history = (await (
      await request(`${url}/revisions?limit=3`, { headers: { cookie: admin.cookie } })
    ).json()) as {
      revisions: Array<{ entity: string; actor: string }>;
    };
    expect(history.revisions[0]).toMatchObject({ entity: 'dataset', actor: ADMIN.email });
  });

  it('users: admins only; a short password or a taken e-mail is refused; the new user can log in', async () => {
    const editor = await login(EDITOR);
    expect((await request('/api/v1/users', { headers: { cookie: editor.cookie } })).status).toBe(403);
    const admin = await login(ADMIN);
    const list = await request('/api/v1/users', { headers: { cookie: admin.cookie } });
    const users = ((await list.json()) as { users: Array<Json> }).users;
    expect(users.map((u) => u.email)).toContain(EDITOR.email);
    expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash/);
    const short = await request(
      '/api/v1/users',
      json('POST', { email: 'new@example.org', password: 'short' }, as(admin)),
    );
    expect(short.status).toBe(400);
    const created = await request(
      '/api/v1/users',
      json(
        'POST',
        { email: 'New@Example.org', password: 'a long enough passphrase', role: 'editor' },
        as(admin),
      ),
    );
    expect(created.status).toBe(201);
    expect(((await created.json()) as { user: Json }).user).toMatchObject({
      email: 'new@example.org',
      role: 'editor',
    });
    const taken = await request(
      '/api/v1/users',
      json('POST', { email: 'new@example.org', password: 'a long enough passphrase' }, as(admin)),
    );
    expect(taken.status).toBe(409);
    await login({ email: 'new@example.org', password: 'a long enough passphrase' });
  });

  it('imports a spreadsheet over HTTP: a dry run reports and writes nothing; errors are 422 with their lines', async () => {
    const me = await login(EDITOR);
    const exported = await (await request(`/api/v1/datasets/${DS}/export.csv`)).text();
    const edited = exported.replace('Memorandum of Understanding', 'Memorandum of understanding');
    expect(edited).not.toBe(exported);
    const url = `/api/v1/datasets/${DS}/import`;
    const before = await (await request(`/api/v1/datasets/${DS}/export.csv`)).text();
    const dry = await request(`${url}?filename=agreements.csv&dryRun=true`, {
      method: 'POST',
      body: edited,
      headers: as(me, { 'content-type': 'text/csv' }),
    });
    expect(dry.status).toBe(200);
    // The answer is exactly the documented ImportReport (the OpenAPI schema and runImport cannot drift apart).
    const report = ImportReportSchema.strict().parse(await dry.json());
    expect(report).toMatchObject({ changed: 1, removed: 0, added: 0, dryRun: true });
    expect(await (await request(`/api/v1/datasets/${DS}/export.csv`)).text()).toBe(before);

    // The same file as a browser's form upload, for real this time.
    const form = new FormData();
    form.append('file', new File([edited], 'agreements.csv', { type: 'text/csv' }));
    const applied = await request(url, { method: 'POST', body: form, headers: as(me) });
    expect(applied.status).toBe(200);
    expect(((await applied.json()) as { changed: number }).changed).toBe(1);
    expect(await (await request(`/api/v1/datasets/${DS}/export.csv`)).text()).toContain(
      'Memorandum of understanding',
    );

    const bad =
      'kind,category,partners,date,summary,source_urls\nagreement,mou,FR,2016,ok,https://example.org/a\nagreement,mou,Atlantis,2016,bad,https://example.org/b\n';
    const refused = await request(`${url}?filename=bad.csv`, {
      method: 'POST',
      body: bad,
      headers: as(me, { 'content-type': 'text/csv' }),
    });
    expect(refused.status).toBe(422);
    const errors = ((await refused.json()) as { errors: Array<{ line: number; column: string }> }).errors;
    expect(errors[0]).toMatchObject({ line: 3, column: 'partners' });
    expect((await stats()).partners).toBeGreaterThan(2);

    type Doc = {
      dataset: { id: string };
      agreements: Array<{ dataset: string }>;
      notes: Array<{ dataset: string }>;
    };
    const doc = (await (await request(`/api/v1/datasets/${DS}/export.json`)).json()) as Doc;
    doc.dataset.id = 'another-dataset';
    for (const r of [...doc.agreements, ...doc.notes]) r.dataset = 'another-dataset';
    const other = await request(`${url}?filename=other.json`, {
      method: 'POST',
      body: JSON.stringify(doc),
      headers: as(me, { 'content-type': 'application/json' }),
    });
    expect(other.status).toBe(422);
    const otherErrors = ((await other.json()) as { errors: Array<{ message: string }> }).errors;
    expect(otherErrors.map((e) => e.message).join(' ')).toMatch(/document of dataset "another-dataset"/);
    expect(await s.store.getDataset('another-dataset' as never)).toBeNull();

    const noName = await request(url, {
      method: 'POST',
      body: bad,
      headers: as(me, { 'content-type': 'text/csv' }),
    });
    expect(noName.status).toBe(400);
    const noToken = await request(`${url}?filename=a.csv`, {
      method: 'POST',
      body: edited,
      headers: { cookie: me.cookie },
    });
    expect(noToken.status).toBe(403);
  });

  it('a reason with a NUL character (X-Change-Reason, an import form field) is a 400, nothing written', async () => {
    const me = await login(EDITOR);
    const before = await firstOf('mlat', 'FR');
    const patched = await request(
      `/api/v1/agreements/${before.id}`,
      json(
        'PATCH',
        { title: 'nul reason' },
        as(me, { 'if-match': `"${before.version}"`, 'x-change-reason': "UTF-8''bad%00reason" }),
      ),
    );
    expect(patched.status).toBe(400);
    expect(((await patched.json()) as { error: { message: string } }).error.message).toMatch(/NUL character/);
    expect((await firstOf('mlat', 'FR')).version).toBe(before.version);
    const exported = await (await request(`/api/v1/datasets/${DS}/export.csv`)).text();
    const form = new FormData();
    form.append(
      'file',
      new File([exported.replace('Memorandum of', 'A memo of')], 'a.csv', { type: 'text/csv' }),
    );
    form.append('reason', 'bad\u0000reason');
    const imported = await request(`/api/v1/datasets/${DS}/import`, {
      method: 'POST',
      body: form,
      headers: as(me),
    });
    expect(imported.status).toBe(400);
    expect(await (await request(`/api/v1/datasets/${DS}/export.csv`)).text()).toBe(exported);
  });

  it('an import whose dryRun value or query parameter is misspelt is refused (400), not applied', async () => {
    const me = await login(EDITOR);
    const exported = await (await request(`/api/v1/datasets/${DS}/export.csv`)).text();
    const edited = exported.replace('Memorandum of', 'A memorandum of');
    expect(edited).not.toBe(exported);
    for (const query of ['?dryRun=maybe', '?dryRun=ture', '?dryrun=true', '?dry_run=1']) {
      const res = await request(`/api/v1/datasets/${DS}/import${query}&filename=agreements.csv`, {
        method: 'POST',
        body: edited,
        headers: as(me, { 'content-type': 'text/csv' }),
      });
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, query).toBe('invalid_parameter');
      expect(body.error.message, query).toMatch(/dryRun/);
    }
    expect(await (await request(`/api/v1/datasets/${DS}/export.csv`)).text()).toBe(exported);
    const dry = await request(`/api/v1/datasets/${DS}/import?dryRun=1&filename=agreements.csv`, {
      method: 'POST',
      body: edited,
      headers: as(me, { 'content-type': 'text/csv' }),
    });
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { dryRun: boolean }).dryRun).toBe(true);
    expect(await (await request(`/api/v1/datasets/${DS}/export.csv`)).text()).toBe(exported);
  });

  it("an import applies only the approved preview: ?basis= after someone else's edit is 409 with the new preview, nothing written", async () => {
    const me = await login(EDITOR);
    const url = `/api/v1/datasets/${DS}/import`;
    const exported = await (await request(`/api/v1/datasets/${DS}/export.csv`)).text();
    const sg = await firstOf('mou', 'SG');
    const edited = exported.replace(
      `${sg.id},mou,SG,Singapore,${sg.title}`,
      `${sg.id},mou,SG,Singapore,Cyber MoU`,
    );
    expect(edited).not.toBe(exported);
    const send = (query: string, reason?: string) => {
      const form = new FormData();
      form.append('file', new File([edited], 'agreements.csv', { type: 'text/csv' }));
      if (reason) form.append('reason', reason);
      return request(`${url}${query}`, { method: 'POST', body: form, headers: as(me) });
    };
    const preview = ImportReportSchema.strict().parse(await (await send('?dryRun=true')).json());
    expect(preview.changes).toEqual([
      expect.objectContaining({
        id: sg.id,
        category: 'mou',
        partners: ['SG'],
        diff: [{ field: 'title', before: sg.title, after: 'Cyber MoU' }],
      }),
    ]);
    // Someone else edits another record between the preview and "Import it".
    const fr = await firstOf('mlat', 'FR');
    const patched = await request(
      `/api/v1/agreements/${fr.id}`,
      json('PATCH', { summary: 'edited meanwhile' }, as(me, { 'if-match': `"${fr.version}"` })),
    );
    expect(patched.status).toBe(200);
    const before = await (await request(`/api/v1/datasets/${DS}/export.csv`)).text();
    const refused = await send(`?basis=${encodeURIComponent(preview.basis!)}`);
    expect(refused.status).toBe(409);
    const fresh = ImportReportSchema.strict().parse(await refused.json());
    expect(fresh).toMatchObject({ basisChanged: true, dryRun: true, changed: 2 });
    expect(fresh.basis).not.toBe(preview.basis);
    expect(await (await request(`/api/v1/datasets/${DS}/export.csv`)).text()).toBe(before);

    const applied = await send(`?basis=${encodeURIComponent(fresh.basis!)}`, 'titles from the treaty list');
    expect(applied.status).toBe(200);
    expect((await firstOf('mou', 'SG')).title).toBe('Cyber MoU');
    const revs = (await (
      await request(`/api/v1/datasets/${DS}/revisions?limit=5`, { headers: as(me) })
    ).json()) as {
      revisions: Array<{ entityId: string; reason: string }>;
    };
    expect(revs.revisions.find((r) => r.entityId === sg.id)?.reason).toBe('titles from the treaty list');
  });

  it('logging out ends the session: its cookie no longer works', async () => {
    const me = await login(EDITOR);
    expect(
      (await request('/api/v1/session', { method: 'DELETE', headers: { cookie: me.cookie } })).status,
    ).toBe(403);
    const out = await request('/api/v1/session', { method: 'DELETE', headers: as(me) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/atlas_session=;/);
    const after = await request('/api/v1/session', { headers: { cookie: me.cookie } });
    expect(await after.json()).toEqual({ user: null, csrfToken: null });
    const del = json('PATCH', { title: 'x' }, { ...as(me), 'if-match': '"1"' });
    expect((await request('/api/v1/agreements/any', del)).status).toBe(401);
  });
});

describe('editor API: publishing the static copy', () => {
  let s: SeededApp;
  let dir: string;
  beforeAll(async () => {
    await ensureWebBuild();
    dir = join(mkdtempSync(join(tmpdir(), 'atlas-publish-')), 'site');
    s = await seededApp(testDatabases('publish')[0]!, {
      publish: { dir, siteUrl: 'https://atlas.example.org/' },
    });
    // Publishing is a right of its own (issue 11); this editor has it.
    await s.store.createUser(EDITOR.email, 'editor', await hashPassword(EDITOR.password), {
      canPublish: true,
    });
  }, 300_000);
  afterAll(async () => {
    await s?.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  });

  it('records a version and bakes the site into the configured folder; only records it without a folder', async () => {
    const res = await s.app.request('/api/v1/session', {
      method: 'POST',
      body: JSON.stringify(EDITOR),
      headers: { 'content-type': 'application/json' },
    });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const status = await s.app.request('/api/v1/publish', { headers: { cookie } });
    expect(await status.json()).toMatchObject({
      configured: true,
      datasets: [{ id: DS, lastPublished: null }],
    });
    const published = await s.app.request('/api/v1/publish', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(published.status).toBe(201);
    const body = (await published.json()) as { files: number; publishedAt: string };
    expect(body.files).toBeGreaterThan(5);
    expect(Date.parse(body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('https://atlas.example.org/');
    expect((await s.store.getDataset(DS as never))?.lastPublished).toBe(body.publishedAt);
    expect((await s.store.listAudit({ limit: 1 }))[0]).toMatchObject({
      action: 'publish',
      actor: EDITOR.email,
    });

    // A server without a publish folder records the version all the same, and says nothing was baked.
    const other = await seededApp(testDatabases('publish-off')[0]!);
    try {
      await other.store.createUser(EDITOR.email, 'editor', await hashPassword(EDITOR.password), {
        canPublish: true,
      });
      const r = await other.app.request('/api/v1/session', {
        method: 'POST',
        body: JSON.stringify(EDITOR),
        headers: { 'content-type': 'application/json' },
      });
      const token = ((await r.json()) as { csrfToken: string }).csrfToken;
      const c2 = r.headers.get('set-cookie')!.split(';')[0]!;
      const off = await other.app.request('/api/v1/publish', {
        method: 'POST',
        headers: { cookie: c2, 'x-csrf-token': token },
      });
      expect(off.status).toBe(201);
      expect(await off.json()).toMatchObject({
        created: true,
        baked: false,
        files: 0,
        version: { number: 1 },
      });
    } finally {
      await other.close();
    }
  });
});
