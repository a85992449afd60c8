import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAtom } from '../../../test/fixtures/atom/validateAtom.ts';
import { ensureWebBuild, WEB_ROOT } from '../../bake/webBuild.ts';
import type { Agreement, DatasetDocument } from '../../core/schemas.ts';
import { openStore } from '../../store/index.ts';
import type { VersionSummary } from '../../store/types.ts';
import type { ViteManifest } from '../../web/ssr.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';
import { VersionListSchema } from './versionRoutes.ts';

// Numbered versions through the HTTP API on every dialect: publish → v1, edit, publish → v2 naming the change,
// publish again → no v3; the versions list and frozen documents; the frozen page, change log and feed; two
// publications at once (one server, and two servers on one database) → one wins, one 409, the site whole.

const EDITOR = { email: 'editor@example.org', password: 'another long passphrase' };
const DS = 'cis-india-cyber';
type Login = { cookie: string; csrf: string };

async function login(app: Hono): Promise<Login> {
  const res = await app.request('/api/v1/session', {
    method: 'POST',
    body: JSON.stringify(EDITOR),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status).toBe(200);
  return {
    cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

async function publish(app: Hono, me: Login, body?: unknown): Promise<Response> {
  return app.request('/api/v1/publish', {
    method: 'POST',
    headers: {
      cookie: me.cookie,
      'x-csrf-token': me.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Every file the page build's manifest names is in the site, with the pages publication writes. */
function expectWholeSite(dir: string, versions: number): void {
  const manifest = JSON.parse(readFileSync(join(WEB_ROOT, '.vite/manifest.json'), 'utf8')) as ViteManifest;
  for (const chunk of Object.values(manifest)) {
    expect(existsSync(join(dir, chunk.file)), chunk.file).toBe(true);
    for (const css of chunk.css ?? []) expect(existsSync(join(dir, css)), css).toBe(true);
  }
  for (const f of ['index.html', 'embed/index.html', 'changes/index.html', 'changes.atom', `data/${DS}.json`])
    expect(existsSync(join(dir, f)), f).toBe(true);
  for (let n = 1; n <= versions; n++) expect(existsSync(join(dir, `v/${n}/index.html`)), `v/${n}`).toBe(true);
  const siblings = readdirSync(dirname(dir));
  expect(siblings.filter((f) => f !== 'site')).toEqual([]);
}

describe.each(testDatabases('versions'))('numbered versions on $dialect', (factory) => {
  let s: SeededApp;
  let dir: string;
  let me: Login;
  beforeAll(async () => {
    await ensureWebBuild();
    dir = join(mkdtempSync(join(tmpdir(), 'atlas-versions-')), 'site');
    s = await seededApp(factory, { publish: { dir } });
    // Publishing is a right of its own (admins have it; editors when given it).
    await s.store.createUser(EDITOR.email, 'editor', await hashPassword(EDITOR.password), {
      canPublish: true,
    });
    me = await login(s.app);
  }, 300_000);
  afterAll(async () => {
    await s?.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  });

  let singapore: Agreement;

  it('publishes version 1 with a note, counts and every record added; readers list it', async () => {
    const res = await publish(s.app, me, { note: 'First <public> version' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { created: boolean; version: VersionSummary; baked: boolean };
    expect(body).toMatchObject({
      created: true,
      baked: true,
      version: { number: 1, note: 'First <public> version' },
    });
    expect(body.version.counts.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    expect(body.version.changes.added.length).toBe(103);
    const list = await s.app.request(`/api/v1/datasets/${DS}/versions`);
    expect(list.status).toBe(200);
    // The answer is what the OpenAPI document says it is.
    const { versions } = VersionListSchema.parse(await list.json());
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect(
      versions[0]!.changes.added.find((e) => e.partners.includes('SG') && e.category === 'mou'),
    ).toBeDefined();
    expectWholeSite(dir, 1);
  });

  it('names an edited record in version 2, and publishing again makes no version 3', async () => {
    const found = await s.app.request(`/api/v1/datasets/${DS}/agreements?category=mou&partner=SG`);
    singapore = ((await found.json()) as { agreements: Agreement[] }).agreements[0]!;
    const patched = await s.app.request(`/api/v1/agreements/${singapore.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ date: { text: '1999', year: 1999, month: null, day: null } }),
      headers: {
        'content-type': 'application/json',
        cookie: me.cookie,
        'x-csrf-token': me.csrf,
        'if-match': `"${singapore.version}"`,
      },
    });
    expect(patched.status).toBe(200);
    const v2 = await publish(s.app, me, { note: 'Singapore re-dated' });
    expect(v2.status).toBe(201);
    const b2 = (await v2.json()) as { version: VersionSummary };
    expect(b2.version.number).toBe(2);
    expect(b2.version.changes).toEqual({
      added: [],
      changed: [{ id: singapore.id, category: 'mou', partners: ['SG'], date: '1999', fields: ['date'] }],
      removed: [],
    });
    const again = await publish(s.app, me);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false, message: /nothing changed since version 2/ });
    const list = (await (await s.app.request(`/api/v1/datasets/${DS}/versions`)).json()) as {
      versions: VersionSummary[];
    };
    expect(list.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it('serves each frozen document as it was, cached for good; unknown versions are 404', async () => {
    const r1 = await s.app.request(`/api/v1/datasets/${DS}/versions/1/document`);
    expect(r1.status).toBe(200);
    expect(r1.headers.get('cache-control')).toMatch(/immutable/);
    const doc1 = (await r1.json()) as DatasetDocument;
    expect(doc1.agreements.find((a) => a.id === singapore.id)?.date.year).toBe(singapore.date.year);
    const doc2 = (await (
      await s.app.request(`/api/v1/datasets/${DS}/versions/2/document`)
    ).json()) as DatasetDocument;
    expect(doc2.agreements.find((a) => a.id === singapore.id)?.date.year).toBe(1999);
    for (const bad of ['3', '0', 'x', '1e3'])
      expect((await s.app.request(`/api/v1/datasets/${DS}/versions/${bad}/document`)).status, bad).toBe(404);
    expect((await s.app.request('/api/v1/datasets/nope/versions')).status).toBe(404);
  });

  it('serves the frozen page, the change log and the feed on the live server, as the bake writes them', async () => {
    const v1 = await s.app.request('/v/1/');
    expect(v1.status).toBe(200);
    const html1 = await v1.text();
    expect(html1).toContain('id="atlas-version"');
    expect(html1).toContain('Version 1');
    expect(html1).toContain(`/api/v1/datasets/${DS}/versions/1/document`);
    const live = await (await s.app.request('/')).text();
    expect(live).toMatch(/Version 2/);
    expect((await s.app.request('/v/9/')).status).toBe(404);
    const changes = await (await s.app.request('/changes/')).text();
    expect(changes).toContain('Version 2');
    expect(changes).toContain('Singapore · MoUs / Joint Statements · 1999');
    expect(changes).toContain('First &lt;public&gt; version');
    expect(changes).not.toMatch(/<script|style=/);
    const feed = await s.app.request('/changes.atom');
    expect(feed.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const xml = await feed.text();
    expect(validateAtom(xml)).toEqual([]);
    expect(xml).toContain('href="http://localhost/v/2/"');
    expect(validateAtom(readFileSync(join(dir, 'changes.atom'), 'utf8'))).toEqual([]);
    expect(xml.match(/<entry>/g)?.length).toBe(2);
    expect(xml).toContain('First &lt;public&gt; version');
    // The bake wrote the same paths.
    expect(readFileSync(join(dir, 'changes/index.html'), 'utf8')).toContain('Version 2');
    expect(readFileSync(join(dir, 'v/1/index.html'), 'utf8')).toContain('"number":1');
    expect(JSON.parse(readFileSync(join(dir, `data/${DS}/v1.json`), 'utf8'))).toEqual(
      await (await s.app.request(`/api/v1/datasets/${DS}/versions/1/document`)).json(),
    );
  });

  it('runs one publication at a time: two at once on one server → one 201, one 409; the site stays whole', async () => {
    const edit = await s.store.createAgreement(
      DS as never,
      { ...singapore, summary: 'a new record for the race' },
      { actor: 'test', reason: 'race' },
    );
    const answers = await Promise.all([publish(s.app, me), publish(s.app, me)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const busy = answers.find((r) => r.status === 409)!;
    expect(((await busy.json()) as { error: { message: string } }).error.message).toMatch(
      /another publication/,
    );
    expectWholeSite(dir, 3);
    const v3 = (await (await s.app.request(`/api/v1/datasets/${DS}/versions`)).json()) as {
      versions: VersionSummary[];
    };
    expect(v3.versions[0]!.changes.added.map((e) => e.id)).toEqual([edit.id]);
  });

  it('runs one publication at a time across two servers on one database', async () => {
    const store2 = await openStore(s.db.url);
    const app2 = createApp({ store: store2, freshnessMs: 0, publish: { dir } });
    try {
      const me2 = await login(app2);
      await s.store.createAgreement(
        DS as never,
        { ...singapore, summary: 'another record, for two servers' },
        { actor: 'test', reason: 'race' },
      );
      const answers = await Promise.all([publish(s.app, me), publish(app2, me2)]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expectWholeSite(dir, 4);
    } finally {
      await store2.close();
    }
  });
});
