import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from './migrations.ts';
import type { Tables } from './tables.ts';

// Big imports are written as multi-row INSERTs. Each statement may bind at most so many values:
// SQLite's SQLITE_MAX_VARIABLE_NUMBER is 32766, PostgreSQL's wire protocol allows 65535.
export const MAX_PARAMS: Record<Dialect, number> = { sqlite: 32766, postgres: 65535 };
// Rows per statement are capped well below that: PostgreSQL plans a VALUES list of thousands of rows
// disproportionately slowly (measured here: 8,000-row statements took four times as long as 1,000-row ones).
export const MAX_ROWS = 1000;

// Building a 30,000-value INSERT through Kysely's query builder for every chunk costs more than running it, so
// Kysely compiles the statement once per (table, columns, row count) and later chunks only bind new values.
// The SQL text is still Kysely's, with every value a bound parameter. Row counts come from a fixed set (the
// full chunk, then powers of two for the rest), so there are a few statements per table, each prepared once:
// SQLite keeps them in the statement cache, PostgreSQL as named prepared statements (see preparedPool.ts);
// a 1,000-row INSERT parsed once instead of per chunk made PostgreSQL imports three times faster here.
const templates = new Map<string, string>();
const names = new Map<string, string>();

function insertSql(
  db: Kysely<Tables>,
  dialect: Dialect,
  table: keyof Tables,
  columns: readonly string[],
  rows: number,
): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}`;
  let text = templates.get(key);
  if (text === undefined) {
    const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
    text = db
      .insertInto(table)
      .values(Array.from({ length: rows }, () => placeholder) as never)
      .compile().sql;
    templates.set(key, text);
    if (!names.has(text)) names.set(text, `atlas_batch_${names.size + 1}`);
  }
  return text;
}

/** The prepared-statement name of a batch INSERT, or undefined for any other SQL. Stable within a process. */
export function preparedStatementName(sql: string): string | undefined {
  return names.get(sql);
}

/** Statement sizes for `total` rows: full chunks of `size`, then the rest as descending powers of two. */
export function chunkSizes(total: number, size: number): number[] {
  const out: number[] = [];
  let left = total;
  while (left >= size) {
    out.push(size);
    left -= size;
  }
  for (let p = 2 ** Math.floor(Math.log2(Math.max(1, size))); left > 0; p /= 2) {
    if (left >= p) {
      out.push(p);
      left -= p;
    }
  }
  return out;
}

/** Appends the values of row number `row` to `params`, in the order of the statement's columns. */
export type ParamWriter = (row: number, params: unknown[]) => void;

/**
 * Inserts `count` rows in as few statements as the dialect's parameter limit allows. Each row's values go
 * straight into the statement's parameter list (no row object in between), one chunk at a time, so a
 * 100,000-record import never holds 100,000 rows (and their JSON text) at once: they die young, which keeps
 * garbage collection cheap.
 */
export async function insertChunked<T extends keyof Tables & string>(
  db: Kysely<Tables>,
  dialect: Dialect,
  table: T,
  columns: ReadonlyArray<keyof Tables[T] & string>,
  count: number,
  write: ParamWriter,
): Promise<void> {
  if (count === 0) return;
  const width = columns.length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS[dialect] / width)));
  const statements: Array<{ start: number; rows: number }> = [];
  let start = 0;
  for (const rows of chunkSizes(count, size)) {
    statements.push({ start, rows });
    start += rows;
  }
  const statement = ({ start, rows }: { start: number; rows: number }): CompiledQuery => {
    const params: unknown[] = [];
    for (let j = start; j < start + rows; j++) write(j, params);
    if (params.length !== rows * width) {
      throw new Error(`batch insert into ${table}: a row has ${params.length / rows} values, not ${width}`);
    }
    return CompiledQuery.raw(insertSql(db, dialect, table, columns, rows), params);
  };
  const run = (q: CompiledQuery): Promise<unknown> => {
    const p = db.executeQuery(q);
    // Marks the failure as handled until it is awaited below, so it is not reported as unhandled meanwhile.
    p.catch(() => undefined);
    return p;
  };
  // While PostgreSQL runs one chunk, the next is prepared here, so the server and this process work in
  // parallel; the yield lets the running statement reach the socket first. (SQLite runs each statement
  // synchronously; there the order of work is simply unchanged.)
  let running = run(statement(statements[0]!));
  for (const s of statements.slice(1)) {
    let next: CompiledQuery;
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
      next = statement(s);
    } catch (err) {
      await running.catch(() => undefined);
      throw err;
    }
    await running;
    running = run(next);
  }
  await running;
}

/** Splits a list for `IN (...)` lists that must stay under the parameter limit. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
