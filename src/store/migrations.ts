import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

// Migrations live in code, listed statically, so they run the same from any working directory and inside a
// bundle. Append new ones; never edit one that has shipped. Names sort in the order they must run.

export type Dialect = 'sqlite' | 'postgres';

/**
 * The agreement_partners table of migration 0001, which 0003 drops and its down migration makes again.
 * In SQLite the primary key is the table (WITHOUT ROWID): one B-tree instead of two for a two-column table.
 */
async function createPartnerTable(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('agreement_partners')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_partners_pk', ['agreement_id', 'country'])
    .$call((b) => (dialect === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema
    .createIndex('agreement_partners_country')
    .on('agreement_partners')
    .columns(['country', 'agreement_id'])
    .execute();
}

function initialSchema(dialect: Dialect): Migration {
  // Auto-increment ids are the one place where the two dialects need different DDL.
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('datasets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('agreements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dataset', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('partners', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('date_text', 'text', (c) => c.notNull())
        .addColumn('date_year', 'integer')
        .addColumn('date_month', 'integer')
        .addColumn('date_day', 'integer')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('non_governmental', 'boolean', (c) => c.notNull())
        .addColumn('multilateral', 'boolean', (c) => c.notNull())
        .addColumn('mentions_only', 'boolean', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('agreements_dataset_category')
        .on('agreements')
        .columns(['dataset', 'category'])
        .execute();
      await db.schema
        .createIndex('agreements_dataset_year')
        .on('agreements')
        .columns(['dataset', 'date_year'])
        .execute();

      await createPartnerTable(db, dialect);

      await db.schema
        .createTable('notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dataset', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notes_dataset_country')
        .on('notes')
        .columns(['dataset', 'country'])
        .execute();

      // No foreign key to datasets: history outlives what it describes.
      await db.schema
        .createTable('revisions')
        .addColumn('id', serial, (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('revisions_entity').on('revisions').columns(['entity_id', 'id']).execute();
      await db.schema.createIndex('revisions_dataset').on('revisions').columns(['dataset', 'id']).execute();

      await db.schema
        .createTable('users')
        .addColumn('id', serial, (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'sessions',
        'users',
        'revisions',
        'notes',
        'agreement_partners',
        'agreements',
        'datasets',
      ]) {
        await sql`drop table if exists ${sql.table(table)}`.execute(db);
      }
    },
  };
}

/**
 * Revisions say how they store their snapshots (see REVISION_FORMAT in revisions.ts). Rows written before this
 * migration hold whole snapshots and get format 1, which reads exactly as before; adding a column with a
 * constant default rewrites no rows in either dialect.
 */
const revisionFormat: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('revisions')
      .addColumn('format', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('revisions').dropColumn('format').execute();
  },
};

/**
 * The country filter reads the agreements' own `partners` column (a JSON array of codes), so the join table that
 * repeated it goes: it cost an import a row, two index entries and a foreign-key check per partner (a fifth of
 * PostgreSQL's work in a 100,000-record import), for a filter no caller outside the store used.
 */
function dropPartnerTable(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('agreement_partners').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await createPartnerTable(db, dialect);
      const codes =
        dialect === 'sqlite'
          ? sql`select distinct a.id, p.value from agreements a, json_each(a.partners) p`
          : sql`select distinct a.id, p from agreements a, jsonb_array_elements_text(a.partners::jsonb) p`;
      await sql`insert into agreement_partners (agreement_id, country) ${codes}`.execute(db);
    },
  };
}

/** Readers' corrections (issue 10): one table, read newest first per dataset and status. */
const suggestions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('suggestions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dataset', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('agreement_id', 'text')
      .addColumn('email', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('suggestions_dataset_status')
      .on('suggestions')
      .columns(['dataset', 'status', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('suggestions').execute();
  },
};
/**
 * Accounts for a team over years (issue 11): users may be disabled, edit only listed datasets (`datasets` is a JSON
 * array of dataset ids; NULL means every dataset, which is what existing editors keep) and publish only with
 * `can_publish` (existing admins get it, existing editors do not). Sessions say when and where they were made.
 * The audit log keeps who did what; `rate_hits` is the limiters' memory, shared by every server process.
 */
function accounts(dialect: Dialect): Migration {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('users')
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
        .execute();
      await db.schema.alterTable('users').addColumn('datasets', 'text').execute();
      await db.schema
        .alterTable('users')
        .addColumn('can_publish', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
        .execute();
      await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();
      await sql`update users set can_publish = ${sql.lit(true)} where role = 'admin'`.execute(db);
      for (const column of ['created_at', 'last_seen_at', 'address', 'user_agent'])
        await db.schema.alterTable('sessions').addColumn(column, 'text').execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', serial, (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('rate_hits')
        .addColumn('id', serial, (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rate_hits_bucket_key_at')
        .on('rate_hits')
        .columns(['bucket', 'key', 'at'])
        .execute();
      await db.schema.createIndex('rate_hits_at').on('rate_hits').column('at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('rate_hits').execute();
      await db.schema.dropTable('audit_log').execute();
      await db.schema.dropIndex('sessions_user_id').execute();
      for (const column of ['user_agent', 'address', 'last_seen_at', 'created_at'])
        await db.schema.alterTable('sessions').dropColumn(column).execute();
      for (const column of ['password_changed_at', 'can_publish', 'datasets', 'disabled'])
        await db.schema.alterTable('users').dropColumn(column).execute();
    },
  };
}
/**
 * Numbered versions of a dataset (what `atlas publish` records: the frozen document as JSON text, its counts and
 * its changes since the previous number), and the lease that lets one publication run at a time across every
 * server process sharing the database.
 */
const versions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('versions')
      .addColumn('dataset', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('versions_pk', ['dataset', 'number'])
      .execute();
    await db.schema
      .createTable('publish_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('publish_leases').execute();
    await db.schema.dropTable('versions').execute();
  },
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial-schema': initialSchema(dialect),
        '0002-revision-format': revisionFormat,
        '0003-drop-agreement-partners': dropPartnerTable(dialect),
        '0005-versions': versions,
        '0006-suggestions': suggestions,
        '0007-accounts': accounts(dialect),
      };
    },
  };
}

/**
 * Brings the schema up to date; throws an error that names the failed migration. On PostgreSQL pass the schema
 * the tables live in: Kysely looks for its bookkeeping table in every schema unless told which one.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'an unknown migration';
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `database migration ${failed} failed: ${why}. The database was left at the last good migration.`,
    );
  }
}
