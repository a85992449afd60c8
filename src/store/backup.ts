import { createHash, type Hash } from 'node:crypto';
import { CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { KyselyStore } from './kyselyStore.ts';
import type { Dialect } from './migrations.ts';
import type { Tables } from './tables.ts';
import type { Store } from './types.ts';

// A backup is the whole database but what is transient (sessions), as JSON Lines, written the same way from
// either dialect so that backup → restore → backup gives the same bytes:
//
//   {"format":"accord-atlas/backup@1","tables":[{"name":"datasets","key":["id"],"columns":[…]}, …]}
//   {"table":"datasets"}
//   ["<column values in the header's column order>", …]            one line per row, by primary key
//   …                                                               (each table in header order)
//   {"end":"accord-atlas/backup@1","rows":{"datasets":1,…},"sha256":"<hex of every line above, with its \n>"}
//
// Columns are sorted by name, rows by primary key in byte order (PostgreSQL sorts text with COLLATE "C", as
// SQLite does), booleans are 0/1, integers numbers, text verbatim (JSON columns are stored text and stay so,
// including the by-reference `after` of format-2 revisions). Nothing about the backup itself (no time) is in it.
// Tables are read in one read transaction, so a backup of a running server is consistent, a page at a time.

export const BACKUP_FORMAT = 'accord-atlas/backup@1';

export type BackupTable = {
  name: string;
  /** Primary key columns: the row order. */
  key: readonly string[];
  /** An auto-increment column whose sequence PostgreSQL must advance after a restore. */
  serial?: string;
};

/**
 * Every table a backup holds, in restore order (a table after those it references). A new table goes here, or
 * into EXCLUDED_TABLES with the reason: backup.test.ts fails while a table of the live schema is in neither.
 */
export const BACKED_UP_TABLES: readonly BackupTable[] = [
  { name: 'datasets', key: ['id'] },
  { name: 'users', key: ['id'], serial: 'id' },
  { name: 'agreements', key: ['id'] },
  { name: 'notes', key: ['id'] },
  { name: 'revisions', key: ['id'], serial: 'id' },
  { name: 'suggestions', key: ['id'] },
  { name: 'versions', key: ['dataset', 'number'] },
  { name: 'audit_log', key: ['id'], serial: 'id' },
];

/** Tables left out by design, and why. A restore with --replace empties them too (they describe the old data). */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sessions: 'log-ins are not data: everyone logs in again after a restore',
  publish_leases: 'who is publishing right now: a lock, not data',
  rate_hits: "limiters' short-lived memory (failed logins, suggestions per address), not data",
  kysely_migration: "migration bookkeeping: the target database's own",
  kysely_migration_lock: "migration bookkeeping: the target database's own",
};

/** Bookkeeping tables of the migrator, which a restore never empties. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** A file that is not a backup, or a damaged one: nothing was written. The message says what to do. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/** The target database holds data and `replace` was not given: nothing was written. */
export class DatabaseNotEmptyError extends Error {
  override name = 'DatabaseNotEmptyError';
}

type ColumnKind = 'integer' | 'boolean' | 'real' | 'text';
type Column = { name: string; kind: ColumnKind };
type Row = Record<string, unknown>;
type Db = Kysely<Tables>;

function kyselyOf(store: Store): KyselyStore {
  if (!(store instanceof KyselyStore)) throw new Error('backup and restore need a store opened by openStore');
  return store;
}

function kindOf(type: string): ColumnKind {
  const t = type.toLowerCase();
  if (t.includes('bool')) return 'boolean';
  if (t.includes('int') || t.includes('serial')) return 'integer';
  if (t.includes('real') || t.includes('double') || t.includes('float') || t.includes('numeric'))
    return 'real';
  return 'text';
}

/** The base tables of the live schema (not SQLite's own), sorted by name. */
export async function liveTables(store: Store): Promise<string[]> {
  const { db, dialect } = kyselyOf(store);
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite\\_%' escape '\\'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

async function liveColumns(db: Db, dialect: Dialect, table: string): Promise<Column[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string; type: string }>`select name, type from pragma_table_info(${table})`.execute(
          db,
        )
      : await sql<{ name: string; type: string }>`select column_name as name, data_type as type
          from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return rows.rows
    .map((r) => ({ name: r.name, kind: kindOf(r.type) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One value as the backup writes it, the same from either dialect. */
function portable(value: unknown, kind: ColumnKind): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't' || value === 'true' ? 1 : 0;
    case 'integer':
    case 'real':
      return typeof value === 'number' ? value : Number(value);
    default:
      if (typeof value === 'string') return value;
      if (value instanceof Date) return value.toISOString();
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

const PAGE = 2000;

/** The ORDER BY of a table's key: PostgreSQL compares text in byte order only when told (COLLATE "C"). */
function keyOrder(dialect: Dialect, key: readonly Column[]): RawBuilder<unknown> {
  return sql.join(
    key.map((c) =>
      dialect === 'postgres' && c.kind === 'text' ? sql`${sql.ref(c.name)} collate "C"` : sql.ref(c.name),
    ),
  );
}

/** Reads a table in key order, a page at a time (SQLite: by key; PostgreSQL: a cursor, one sort). */
async function* readTable(
  db: Db,
  dialect: Dialect,
  table: BackupTable,
  columns: readonly Column[],
): AsyncGenerator<Row[]> {
  const cols = sql.join(columns.map((c) => sql.ref(c.name)));
  const key = table.key.map((k) => {
    const c = columns.find((col) => col.name === k);
    if (c === undefined) throw new Error(`backup: table ${table.name} has no key column ${k}`);
    return c;
  });
  const order = keyOrder(dialect, key);
  if (dialect === 'postgres') {
    await sql`declare atlas_backup no scroll cursor for
      select ${cols} from ${sql.table(table.name)} order by ${order}`.execute(db);
    try {
      for (;;) {
        const page = await sql<Row>`fetch forward ${sql.raw(String(PAGE))} from atlas_backup`.execute(db);
        if (page.rows.length === 0) return;
        yield page.rows;
      }
    } finally {
      await sql`close atlas_backup`.execute(db);
    }
  }
  let last: unknown[] | null = null;
  for (;;) {
    const after =
      last === null ? sql`` : sql`where (${sql.join(key.map((c) => sql.ref(c.name)))}) > (${sql.join(last)})`;
    const page = await sql<Row>`select ${cols} from ${sql.table(table.name)} ${after}
      order by ${order} limit ${sql.raw(String(PAGE))}`.execute(db);
    if (page.rows.length === 0) return;
    yield page.rows;
    const end = page.rows[page.rows.length - 1] as Row;
    last = key.map((c) => end[c.name]);
  }
}

export type BackupSummary = { rows: Record<string, number> };

/**
 * Writes the backup through `write` (called with whole lines; await it for back-pressure). Reads in one read
 * transaction: REPEATABLE READ on PostgreSQL, a deferred (reading) transaction on SQLite, so writers go on.
 */
export async function writeBackup(
  store: Store,
  write: (text: string) => Promise<void>,
): Promise<BackupSummary> {
  const { db, dialect } = kyselyOf(store);
  return db.connection().execute(async (conn) => {
    await sql
      .raw(dialect === 'postgres' ? 'begin isolation level repeatable read read only' : 'begin')
      .execute(conn);
    try {
      const hash = createHash('sha256');
      const emit = async (line: string): Promise<void> => {
        hash.update(line);
        await write(line);
      };
      const tables: Array<{ table: BackupTable; columns: Column[] }> = [];
      for (const table of BACKED_UP_TABLES)
        tables.push({ table, columns: await liveColumns(conn, dialect, table.name) });
      await emit(
        `${JSON.stringify({
          format: BACKUP_FORMAT,
          tables: tables.map(({ table, columns }) => ({
            name: table.name,
            key: table.key,
            columns: columns.map((c) => c.name),
          })),
        })}\n`,
      );
      const rows: Record<string, number> = {};
      for (const { table, columns } of tables) {
        await emit(`${JSON.stringify({ table: table.name })}\n`);
        let n = 0;
        for await (const page of readTable(conn, dialect, table, columns)) {
          let text = '';
          for (const row of page)
            text += `${JSON.stringify(columns.map((c) => portable(row[c.name], c.kind)))}\n`;
          n += page.length;
          await emit(text);
        }
        rows[table.name] = n;
      }
      await write(`${JSON.stringify({ end: BACKUP_FORMAT, rows, sha256: hash.digest('hex') })}\n`);
      await sql.raw('commit').execute(conn);
      return { rows };
    } catch (err) {
      await sql
        .raw('rollback')
        .execute(conn)
        .catch(() => {});
      throw err;
    }
  });
}

export type RestoreOptions = {
  /** Empty a database that holds data first (in the same transaction); without it such a database is refused. */
  replace?: boolean;
  /** How to name the input in messages (a file name). */
  source?: string;
};

type HeaderTable = { name: string; key: string[]; columns: string[] };

const DAMAGED = 'restore from an intact copy of the backup (nothing was written)';

function parseLine(line: string, where: string, source: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupFileError(`${source}: ${where} is not valid JSON: the backup is damaged; ${DAMAGED}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the first line and returns the tables it announces, or throws saying what the file is instead. */
function readHeader(line: string | undefined, source: string, live: readonly string[]): HeaderTable[] {
  if (line === undefined || line.trim() === '') {
    throw new BackupFileError(
      `${source}: the file is empty, not an Accord Atlas backup (write one with atlas backup --out FILE)`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw new BackupFileError(
      `${source}: this is not an Accord Atlas backup (its first line is not a backup header); give a file written by atlas backup`,
    );
  }
  if (!isObject(header) || typeof header.format !== 'string') {
    throw new BackupFileError(
      `${source}: this is not an Accord Atlas backup (its first line has no "format"); give a file written by atlas backup`,
    );
  }
  if (header.format !== BACKUP_FORMAT) {
    const other = /^accord-atlas\/backup@(\d+)$/.exec(header.format);
    throw new BackupFileError(
      other
        ? `${source}: a backup in format ${header.format}, which this version of atlas does not read (it reads ${BACKUP_FORMAT}); restore it with the version that wrote it`
        : `${source}: a file in format "${header.format}", not an Accord Atlas backup (${BACKUP_FORMAT}); give a file written by atlas backup`,
    );
  }
  const tables = header.tables;
  if (
    !Array.isArray(tables) ||
    !tables.every(
      (t) =>
        isObject(t) &&
        typeof t.name === 'string' &&
        Array.isArray(t.key) &&
        Array.isArray(t.columns) &&
        t.columns.every((c) => typeof c === 'string'),
    )
  ) {
    throw new BackupFileError(`${source}: the backup header's table list is damaged; ${DAMAGED}`);
  }
  const known = new Set(BACKED_UP_TABLES.map((t) => t.name));
  for (const t of tables as HeaderTable[]) {
    if (!known.has(t.name) || !live.includes(t.name)) {
      throw new BackupFileError(
        `${source}: the backup holds a table "${t.name}" that this version of atlas does not have; restore it with the version that wrote it (or a newer one)`,
      );
    }
  }
  return tables as HeaderTable[];
}

export type RestoreSummary = { rows: Record<string, number>; replaced: boolean };

/**
 * Fills the database from backup lines (without their line breaks), all in one transaction: a damaged or
 * foreign input, or a non-empty database without `replace`, throws and leaves the database as it was.
 */
export async function restoreBackup(
  store: Store,
  lines: AsyncIterable<string>,
  { replace = false, source = 'the backup' }: RestoreOptions = {},
): Promise<RestoreSummary> {
  const { db, dialect } = kyselyOf(store);
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await iterator.next();
    return r.done ? undefined : r.value;
  };
  try {
    const live = await liveTables(store);
    const first = await next();
    const header = readHeader(first, source, live);
    for (const t of header) {
      const have = new Set((await liveColumns(db, dialect, t.name)).map((c) => c.name));
      const missing = t.columns.filter((c) => !have.has(c));
      if (missing.length > 0) {
        throw new BackupFileError(
          `${source}: the backup's table ${t.name} has column(s) ${missing.join(', ')} that this database does not have: it was written by a newer version of atlas; restore it with that version (nothing was written)`,
        );
      }
    }
    const hash = createHash('sha256');
    hash.update(`${first}\n`);
    return await db.transaction().execute(async (trx) => {
      const filled: string[] = [];
      for (const t of BACKED_UP_TABLES) {
        if (!live.includes(t.name)) continue;
        const any = await sql`select 1 as one from ${sql.table(t.name)} limit 1`.execute(trx);
        if (any.rows.length > 0) filled.push(t.name);
      }
      if (filled.length > 0 && !replace) {
        throw new DatabaseNotEmptyError(
          `the database is not empty (it has ${filled.join(', ')}); restore into an empty database, or give --replace to replace everything in it`,
        );
      }
      if (replace) await emptyAll(trx, live);
      const rows = await readSections(trx, dialect, header, next, hash, source);
      for (const t of BACKED_UP_TABLES) {
        if (dialect === 'postgres' && t.serial !== undefined && live.includes(t.name)) {
          await sql`select setval(pg_get_serial_sequence(${t.name}, ${t.serial}),
            coalesce((select max(${sql.ref(t.serial)}) from ${sql.table(t.name)}), 0) + 1, false)`.execute(
            trx,
          );
        }
      }
      return { rows, replaced: replace };
    });
  } finally {
    await iterator.return?.();
  }
}

async function emptyAll(trx: Db, live: readonly string[]): Promise<void> {
  const excluded = Object.keys(EXCLUDED_TABLES).filter((t) => !MIGRATOR_TABLES.has(t) && live.includes(t));
  const backedUp = BACKED_UP_TABLES.map((t) => t.name)
    .filter((t) => live.includes(t))
    .reverse();
  for (const t of [...excluded, ...backedUp]) await sql`delete from ${sql.table(t)}`.execute(trx);
}

async function readSections(
  trx: Db,
  dialect: Dialect,
  header: readonly HeaderTable[],
  next: () => Promise<string | undefined>,
  hash: Hash,
  source: string,
): Promise<Record<string, number>> {
  const truncated = (): BackupFileError =>
    new BackupFileError(`${source}: the backup ends early (it is truncated: no end line); ${DAMAGED}`);
  const rows: Record<string, number> = {};
  // One INSERT in flight while the next chunk is read and parsed (PostgreSQL works meanwhile; the driver queues).
  let pending: Promise<void> = Promise.resolve();
  const insert = async (table: HeaderTable, chunk: unknown[][]): Promise<void> => {
    await pending;
    pending = insertRows(trx, dialect, table, chunk);
    pending.catch(() => {});
  };
  let line = await next();
  let lineNo = 2;
  for (const table of header) {
    if (line === undefined) throw truncated();
    const start = parseLine(line, `line ${lineNo}`, source);
    if (!isObject(start) || start.table !== table.name) {
      throw new BackupFileError(
        `${source}: line ${lineNo} should start table ${table.name}; the backup is damaged; ${DAMAGED}`,
      );
    }
    hash.update(`${line}\n`);
    let chunk: unknown[][] = [];
    let n = 0;
    const perChunk = dialect === 'sqlite' ? Math.max(1, Math.floor(30000 / table.columns.length)) : 2000;
    for (;;) {
      line = await next();
      lineNo += 1;
      if (line === undefined) throw truncated();
      if (!line.startsWith('[')) break;
      const values = parseLine(line, `line ${lineNo}`, source);
      if (!Array.isArray(values) || values.length !== table.columns.length) {
        throw new BackupFileError(
          `${source}: line ${lineNo} is not a row of ${table.name} (${table.columns.length} values); ${DAMAGED}`,
        );
      }
      hash.update(`${line}\n`);
      chunk.push(values);
      n += 1;
      if (chunk.length >= perChunk) {
        await insert(table, chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await insert(table, chunk);
    await pending;
    rows[table.name] = n;
  }
  if (line === undefined) throw truncated();
  const end = parseLine(line, `line ${lineNo}`, source);
  if (!isObject(end) || end.end !== BACKUP_FORMAT) {
    throw new BackupFileError(`${source}: line ${lineNo} is not the backup's end line; ${DAMAGED}`);
  }
  if (end.sha256 !== hash.digest('hex')) {
    throw new BackupFileError(
      `${source}: the checksum does not match the content (the file was changed or damaged after it was written); ${DAMAGED}`,
    );
  }
  if (JSON.stringify(end.rows) !== JSON.stringify(rows)) {
    throw new BackupFileError(`${source}: the row counts in the end line do not match the rows; ${DAMAGED}`);
  }
  if ((await next()) !== undefined) {
    throw new BackupFileError(`${source}: there is content after the backup's end line; ${DAMAGED}`);
  }
  return rows;
}

/** Statement texts by table, columns and row count: compiled once, then only new values are bound. */
const insertTexts = new Map<string, string>();

async function insertRows(trx: Db, dialect: Dialect, table: HeaderTable, chunk: unknown[][]): Promise<void> {
  const shape = `${dialect}|${table.name}|${table.columns.join(',')}|${dialect === 'sqlite' ? chunk.length : ''}`;
  let text = insertTexts.get(shape);
  if (text === undefined) {
    const cols = sql.join(table.columns.map((c) => sql.ref(c)));
    const t = sql.table(table.name);
    const one = sql`(${sql.join(table.columns.map(() => null))})`;
    text = (
      dialect === 'postgres'
        ? // One JSON parameter per chunk, unpacked by the server into the table's own types (0/1 → boolean).
          sql`insert into ${t} (${cols}) select ${cols} from json_populate_recordset(null::${t}, ${''}::json)`
        : sql`insert into ${t} (${cols}) values ${sql.join(chunk.map(() => one))}`
    ).compile(trx).sql;
    insertTexts.set(shape, text);
  }
  let params: unknown[];
  if (dialect === 'postgres') {
    // Objects stringified in one native call: four times less CPU than concatenating each value's JSON.
    const columns = table.columns;
    const objects: Record<string, unknown>[] = new Array(chunk.length);
    for (let r = 0; r < chunk.length; r++) {
      const values = chunk[r] as unknown[];
      const o: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) o[columns[i]!] = values[i] ?? null;
      objects[r] = o;
    }
    params = [JSON.stringify(objects)];
  } else {
    params = chunk.flat();
  }
  await trx.executeQuery(CompiledQuery.raw(text, params));
}
