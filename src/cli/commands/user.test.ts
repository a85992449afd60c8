import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword, hashPassword } from '../../server/auth/passwords.ts';
import { tempStore, testDialects } from '../../store/testing.ts';
import type { Store } from '../../store/types.ts';
import { run } from '../main.ts';
import type { Out } from '../output.ts';

// `atlas user list|disable|enable|role|password` and `atlas audit` against a real database on each dialect; the
// password command runs the real bin/atlas.mjs, since it reads standard input.

const BIN = fileURLToPath(new URL('../../../bin/atlas.mjs', import.meta.url));

type Captured = { code: number; stdout: string; stderr: string };

async function atlas(url: string, ...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    return { code: await run(argv, out), stdout, stderr };
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

function spawnAtlas(url: string, stdin: string, ...argv: string[]): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, DATABASE_URL: url } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

for (const { dialect, skip } of testDialects()) {
  describe.skipIf(skip !== null)(`atlas user and audit on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof tempStore>>;
    let store: Store;
    const later = new Date(Date.now() + 3_600_000).toISOString();

    beforeAll(async () => {
      db = await tempStore(dialect);
      store = db.store;
      const config = (await import('../../shipped/index.ts')).loadShippedConfig;
      await store.putDataset(await config(), { actor: 'test', reason: 'dataset' });
      await store.createUser('ana@example.org', 'admin', await hashPassword('ana passphrase long'));
      await store.createUser('raj@example.org', 'editor', await hashPassword('raj passphrase long'));
    });
    afterAll(async () => {
      await db?.dispose();
    });

    it('lists users as text and JSON', async () => {
      const text = await atlas(db.url, 'user', 'list');
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/ana@example\.org\tadmin\tall datasets, may publish/);
      expect(text.stdout).toMatch(/raj@example\.org\teditor\tall datasets\n/);
      const json = JSON.parse((await atlas(db.url, 'user', 'list', '--json')).stdout) as { users: unknown[] };
      expect(json.users).toEqual([
        expect.objectContaining({
          email: 'ana@example.org',
          role: 'admin',
          disabled: false,
          canPublish: true,
        }),
        expect.objectContaining({
          email: 'raj@example.org',
          role: 'editor',
          datasets: null,
          canPublish: false,
        }),
      ]);
    });

    it('disables (ending the sessions) and enables a user; role, datasets and publishing; bad input is a usage error', async () => {
      const raj = (await store.findUser('raj@example.org'))!;
      await store.createSession({
        tokenHash: `cli-${dialect}`,
        userId: raj.id,
        csrfToken: 'c',
        expiresAt: later,
      });
      const off = await atlas(db.url, 'user', 'disable', 'RAJ@example.org');
      expect(off).toMatchObject({ code: 0 });
      expect(off.stdout).toMatch(/raj@example\.org\teditor \(disabled\)/);
      expect(await store.getSession(`cli-${dialect}`)).toBeNull();
      expect((await store.findUser('raj@example.org'))?.disabled).toBe(true);
      expect((await atlas(db.url, 'user', 'enable', 'raj@example.org')).code).toBe(0);
      expect((await store.findUser('raj@example.org'))?.disabled).toBe(false);

      const ds = (await store.listDatasets())[0]!.id;
      const role = await atlas(
        db.url,
        'user',
        'role',
        'raj@example.org',
        '--role',
        'editor',
        '--datasets',
        ds,
        '--publish',
      );
      expect(role.code).toBe(0);
      expect(await store.findUser('raj@example.org')).toMatchObject({ datasets: [ds], canPublish: true });
      await atlas(
        db.url,
        'user',
        'role',
        'raj@example.org',
        '--role',
        'editor',
        '--datasets',
        'all',
        '--no-publish',
      );
      expect(await store.findUser('raj@example.org')).toMatchObject({ datasets: null, canPublish: false });
      // Without --publish/--no-publish the right is kept.
      await atlas(db.url, 'user', 'role', 'raj@example.org', '--role', 'editor');
      expect((await store.findUser('raj@example.org'))?.canPublish).toBe(false);

      const badRole = await atlas(db.url, 'user', 'role', 'raj@example.org', '--role', 'owner');
      expect(badRole.code).toBe(2);
      expect(badRole.stderr).toMatch(/"owner" is not a role/);
      const badDs = await atlas(
        db.url,
        'user',
        'role',
        'raj@example.org',
        '--role',
        'editor',
        '--datasets',
        'nope',
      );
      expect(badDs.code).toBe(2);
      expect(badDs.stderr).toMatch(/nope/);
      const nobody = await atlas(db.url, 'user', 'disable', 'who@example.org');
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toMatch(/no user who@example\.org/);
    });

    it('sets a password from standard input (the real binary); a short one is refused', async () => {
      const raj = (await store.findUser('raj@example.org'))!;
      await store.createSession({
        tokenHash: `pw-${dialect}`,
        userId: raj.id,
        csrfToken: 'c',
        expiresAt: later,
      });
      const short = await spawnAtlas(db.url, 'short\n', 'user', 'password', 'raj@example.org');
      expect(short.code).toBe(2);
      expect(short.stderr).toMatch(/at least 12 characters/);
      const ok = await spawnAtlas(
        db.url,
        'a new passphrase for raj\n',
        'user',
        'password',
        'raj@example.org',
      );
      expect(ok.code, ok.stderr).toBe(0);
      const after = (await store.findUser('raj@example.org'))!;
      expect(await checkPassword(after.passwordHash, 'a new passphrase for raj')).toBe(true);
      expect(await store.getSession(`pw-${dialect}`)).toBeNull();
    }, 60_000);

    it('prints the audit log, newest first, as text and JSON, without passwords', async () => {
      const text = await atlas(db.url, 'audit', '--limit', '3');
      expect(text.code).toBe(0);
      const lines = text.stdout.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0], text.stdout).toMatch(/\tcli\tpassword-reset\t-\t\{"email":"raj@example\.org"\}$/);
      const json = JSON.parse((await atlas(db.url, 'audit', '--json')).stdout) as {
        entries: Array<{ action: string }>;
      };
      expect(json.entries.map((e) => e.action)).toContain('user-changed');
      expect(JSON.stringify(json)).not.toContain('passphrase');
      expect((await atlas(db.url, 'audit', '--limit', 'many')).code).toBe(2);
    });
  });
}
