import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../bench/serverProcess.ts';
import { ensureEditorBuild, ensureWebBuild } from '../bake/webBuild.ts';
import type { Agreement } from '../core/schemas.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { hashPassword } from './auth/passwords.ts';
import { ensureSeeded } from './seed.ts';
import { type TestDatabase, testDatabases } from './testing.ts';

// Two real server processes (bin/serve.mjs) on one PostgreSQL schema, the way an operator scales the app:
// a session made on A works on B, logging out or disabling on A ends it on B, login failures are counted across
// both, and an edit on A is on B's public API and page within 5 s. Runs when TEST_DATABASE_URL is set.

const USER = { email: 'two@example.org', password: 'two processes one database' };
const DS = 'cis-india-cyber';

const pg = testDatabases('two').find((f) => f.dialect === 'postgres');

describe.skipIf(pg === undefined)('two server processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let store: Store;
  let a: ServerProcess;
  let b: ServerProcess;

  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  async function login(base: string, who = USER): Promise<{ cookie: string; csrf: string }> {
    const res = await post(base, '/api/v1/session', who);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
  }
  const whoami = async (base: string, cookie: string): Promise<unknown> =>
    ((await (await fetch(`${base}/api/v1/session`, { headers: { cookie } })).json()) as { user: unknown })
      .user;

  beforeAll(async () => {
    await ensureWebBuild();
    await ensureEditorBuild();
    db = await pg!.create();
    store = await openStore(db.url);
    await ensureSeeded(store);
    await store.createUser(USER.email, 'editor', await hashPassword(USER.password));
    [a, b] = await Promise.all([startServerProcess(db.url), startServerProcess(db.url)]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
    await db?.cleanup();
  });

  it('a session made on A works on B; logging out on A ends it on B', async () => {
    expect(a.url).not.toBe(b.url);
    const s = await login(a.url);
    expect(await whoami(b.url, s.cookie)).toMatchObject({ email: USER.email });
    const out = await fetch(`${a.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.status).toBe(204);
    expect(await whoami(b.url, s.cookie)).toBeNull();
  });

  it('disabling through A’s admin API ends the session on B at once; the disabled user cannot log in on B', async () => {
    const admin = { email: 'admin2@example.org', password: 'administrator of both' };
    await store.createUser(admin.email, 'admin', await hashPassword(admin.password));
    const boss = await login(a.url, admin);
    const s = await login(b.url);
    expect(await whoami(a.url, s.cookie)).toMatchObject({ email: USER.email });
    const patch = (disabled: boolean) =>
      fetch(`${a.url}/api/v1/users/${USER.email}`, {
        method: 'PATCH',
        body: JSON.stringify({ disabled }),
        headers: { 'content-type': 'application/json', cookie: boss.cookie, 'x-csrf-token': boss.csrf },
      });
    expect((await patch(true)).status).toBe(200);
    expect(await whoami(b.url, s.cookie)).toBeNull();
    expect((await post(b.url, '/api/v1/session', USER)).status).toBe(401);
    expect((await patch(false)).status).toBe(200);
    await login(b.url);
  });

  it('counts login failures across both: alternating A and B is limited at the same count', async () => {
    const victim = { email: 'victim@example.org', password: 'the victim passphrase' };
    await store.createUser(victim.email, 'editor', await hashPassword(victim.password));
    for (let i = 0; i < 5; i++) {
      const r = await post(i % 2 === 0 ? a.url : b.url, '/api/v1/session', {
        ...victim,
        password: `no ${i}`,
      });
      expect(r.status).toBe(401);
    }
    for (const base of [a.url, b.url]) {
      const blocked = await post(base, '/api/v1/session', victim);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('an edit on A is on B’s public API and page within 5 s', async () => {
    const s = await login(a.url);
    // The page B served before the edit; it carries the counts, so the edit changes it (and its ETag).
    const pageBefore = (await fetch(`${b.url}/`)).headers.get('etag');
    const title = `Seen across processes ${Date.now()}`;
    const created = await post(
      a.url,
      `/api/v1/datasets/${DS}/agreements`,
      { category: 'mou', partners: ['Kenya'], title, date: '2024', sources: [] },
      { cookie: s.cookie, 'x-csrf-token': s.csrf },
    );
    expect(created.status, await created.clone().text()).toBe(201);
    expect(((await created.json()) as Agreement).title).toBe(title);
    const started = Date.now();
    let seenApi = false;
    let seenPage = false;
    while (Date.now() - started < 5000 && !(seenApi && seenPage)) {
      const doc = await (await fetch(`${b.url}/api/v1/datasets/${DS}/document`)).text();
      seenApi ||= doc.includes(title);
      const page = await fetch(`${b.url}/`);
      expect(page.headers.get('cache-control')).toBe('public, no-cache');
      seenPage ||= page.headers.get('etag') !== pageBefore;
      if (!(seenApi && seenPage)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(seenApi, 'the edit reached B’s API within 5 s').toBe(true);
    expect(seenPage, 'B’s page changed within 5 s').toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
