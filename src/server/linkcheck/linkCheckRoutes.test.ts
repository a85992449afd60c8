import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetId } from '../../core/ids.ts';
import { agreement, testDataset } from '../../core/testing/fixtures.ts';
import { startTestSite, type TestSite } from '../../linkcheck/testSite.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';
import type { LinkCheckState } from './linkCheckRoutes.ts';

// The editor's "Check links": editors only, with CSRF; runs in the background; never fetches private addresses
// (the test site on 127.0.0.1 must see no request). Only a dataset of local URLs is checked — never the internet.

const USER = { email: 'editor@example.org', password: 'a long enough passphrase' };
const DS = testDataset.id as DatasetId;

describe.each(testDatabases('linkcheck'))('link check API on $dialect', (factory) => {
  let s: SeededApp;
  let site: TestSite;
  let login: { cookie: string; csrf: string };

  beforeAll(async () => {
    site = await startTestSite();
    s = await seededApp(factory, { linkCheck: { timeoutMs: 2000, archiveApi: null } });
    await s.store.putDataset(testDataset, { actor: 'test', reason: '' });
    const by = { actor: 'test', reason: '' };
    await s.store.createAgreement(DS, agreement('mou', ['FR'], { url: `${site.origin}/ok` }), by);
    await s.store.createAgreement(
      DS,
      agreement('mou', ['DE'], { url: `http://localhost:${site.port}/gone` }),
      by,
    );
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
  afterAll(async () => {
    await s?.close();
    await site?.close();
  });

  const path = `/api/v1/datasets/${DS}/links/check`;

  it('refuses readers and a request without the CSRF token', async () => {
    expect((await s.app.request(path, { method: 'POST' })).status).toBe(401);
    expect((await s.app.request(path)).status).toBe(401);
    expect((await s.app.request(path, { method: 'POST', headers: { cookie: login.cookie } })).status).toBe(
      403,
    );
  });

  it('starts a check in the background (202), reports progress, and blocks 127.0.0.1 and localhost', async () => {
    const headers = { cookie: login.cookie, 'x-csrf-token': login.csrf };
    const res = await s.app.request(path, { method: 'POST', headers });
    expect(res.status).toBe(202);
    expect(((await res.json()) as LinkCheckState).running).toBe(true);
    let state: LinkCheckState;
    const until = Date.now() + 10_000;
    do {
      await new Promise((r) => setTimeout(r, 50));
      state = (await (await s.app.request(path, { headers })).json()) as LinkCheckState;
    } while (state.running && Date.now() < until);
    expect(state).toMatchObject({ running: false, startedBy: USER.email, done: 2, total: 2, error: null });
    expect(state.summary).toMatchObject({ checked: 2, blocked: 2, ok: 0, broken: 0, updated: 0 });
    expect(site.seen).toEqual([]);
    const stored = await s.store.listAgreements(DS);
    expect(stored.every((a) => a.sources[0]!.lastChecked === null)).toBe(true);
  });

  it('answers 404 for an unknown dataset', async () => {
    const res = await s.app.request('/api/v1/datasets/nope/links/check', {
      headers: { cookie: login.cookie },
    });
    expect(res.status).toBe(404);
  });
});
