import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyStore } from './kyselyStore.ts';
import { migrationProvider } from './migrations.ts';
import { openStore } from './openStore.ts';
import { tempStore, testDialects } from './testing.ts';

// Migration 0007-accounts on a database that had users and sessions before it: existing editors keep every
// dataset (datasets NULL) without the right to publish, existing admins get it, nobody is disabled, old sessions
// stay valid and say nothing about where they came from. Its down migration removes what it added.

for (const { dialect, skip } of testDialects()) {
  describe.skipIf(skip !== null)(`migration 0007-accounts on ${dialect}`, () => {
    let url: string;
    let dispose: () => Promise<void>;
    let db: Kysely<unknown>;
    let migrator: Migrator;

    beforeAll(async () => {
      const t = await tempStore(dialect);
      url = t.url;
      dispose = t.dispose;
      db = (t.store as KyselyStore).db as unknown as Kysely<unknown>;
      const schema =
        dialect === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
          : undefined;
      migrator = new Migrator({
        db,
        provider: migrationProvider(dialect),
        ...(schema === undefined ? {} : { migrationTableSchema: schema }),
      });
    });
    afterAll(async () => {
      await dispose?.();
    });

    it('upgrades users and sessions made before it, and goes back down', async () => {
      const down = await migrator.migrateTo('0003-drop-agreement-partners');
      expect(down.error).toBeUndefined();
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await sql`insert into users (email, role, password_hash, created_at) values
        ('old.admin@example.org', 'admin', 'h1', '2025-01-01T00:00:00.000Z'),
        ('old.editor@example.org', 'editor', 'h2', '2025-01-01T00:00:00.000Z')`.execute(db);
      const editorId = (
        await sql<{ id: number }>`select id from users where email = 'old.editor@example.org'`.execute(db)
      ).rows[0]!.id;
      await sql`insert into sessions (token_hash, user_id, csrf_token, expires_at)
        values ('old-session', ${editorId}, 'c', ${later})`.execute(db);

      const upgraded = await openStore(url);
      try {
        expect(await upgraded.listUsers()).toEqual([
          expect.objectContaining({
            email: 'old.admin@example.org',
            disabled: false,
            datasets: null,
            canPublish: true,
          }),
          expect.objectContaining({
            email: 'old.editor@example.org',
            disabled: false,
            datasets: null,
            canPublish: false,
          }),
        ]);
        expect(await upgraded.getSession('old-session')).toMatchObject({
          userId: Number(editorId),
          createdAt: null,
          address: null,
          user: { email: 'old.editor@example.org' },
        });
        expect(await upgraded.listAudit()).toEqual([]);
      } finally {
        await upgraded.close();
      }

      const back = await migrator.migrateTo('0003-drop-agreement-partners');
      expect(back.error).toBeUndefined();
      await expect(sql`select disabled from users`.execute(db)).rejects.toThrow();
      await expect(sql`select id from audit_log`.execute(db)).rejects.toThrow();
      await expect(sql`select id from rate_hits`.execute(db)).rejects.toThrow();
      const up = await migrator.migrateToLatest();
      expect(up.error).toBeUndefined();
    });
  });
}
