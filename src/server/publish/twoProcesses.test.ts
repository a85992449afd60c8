import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/fixtures/index.ts';
import { ensureEditorBuild, ensureWebBuild, WEB_ROOT } from '../../bake/webBuild.ts';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/types.ts';
import type { ViteManifest } from '../../web/ssr.ts';
import { hashPassword } from '../auth/passwords.ts';
import { ensureSeeded } from '../seed.ts';
import { type TestDatabase, testDatabases } from '../testing.ts';

// Two real server processes (`npm start`'s bin/serve.mjs) on one database and one publish folder: two Publish
// clicks at the same moment, one on each → one records version 1 (201), the other is told a publication is running
// (409), and the site folder is whole afterwards. The lease lives in the database, not in either process.

const EDITOR = { email: 'editor@example.org', password: 'another long passphrase' };

function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/serve.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in time:\n${out}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s"]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!.replace(/\/$/, '') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
}

async function login(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    body: JSON.stringify(EDITOR),
    headers: { 'content-type': 'application/json', origin: url },
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe.each(testDatabases('twoprocs'))('two server processes on one $dialect database', (factory) => {
  let db: TestDatabase;
  let store: Store;
  let dir: string;
  const servers: Array<{ child: ChildProcess; url: string }> = [];
  beforeAll(async () => {
    await ensureWebBuild();
    await ensureEditorBuild();
    db = await factory.create();
    store = await openStore(db.url);
    await ensureSeeded(store);
    await store.createUser(EDITOR.email, 'editor', await hashPassword(EDITOR.password), { canPublish: true });
    dir = join(mkdtempSync(join(tmpdir(), 'atlas-two-')), 'site');
    const env = { DATABASE_URL: db.url, ATLAS_PUBLISH_DIR: dir, LOG_LEVEL: 'info' };
    servers.push(...(await Promise.all([startProcess(env), startProcess(env)])));
  }, 180_000);
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(
      servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))),
    );
    await store?.close();
    await db?.cleanup();
    if (dir) rmSync(dirname(dir), { recursive: true, force: true });
  });

  it('two publications at once: one 201, one 409; one version; the site whole', async () => {
    const [a, b] = servers;
    const [la, lb] = await Promise.all([login(a!.url), login(b!.url)]);
    const post = (url: string, me: { cookie: string; csrf: string }): Promise<Response> =>
      fetch(`${url}/api/v1/publish`, {
        method: 'POST',
        headers: { cookie: me.cookie, 'x-csrf-token': me.csrf, origin: url },
      });
    const answers = await Promise.all([post(a!.url, la), post(b!.url, lb)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await store.listVersions('cis-india-cyber' as never)).map((v) => v.number)).toEqual([1]);
    const manifest = JSON.parse(readFileSync(join(WEB_ROOT, '.vite/manifest.json'), 'utf8')) as ViteManifest;
    for (const chunk of Object.values(manifest))
      expect(existsSync(join(dir, chunk.file)), chunk.file).toBe(true);
    for (const f of ['index.html', 'v/1/index.html', 'changes/index.html', 'changes.atom'])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readdirSync(dirname(dir))).toEqual(['site']);
  }, 120_000);
});
