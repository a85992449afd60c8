import { CompiledQuery, type Kysely } from 'kysely';
import { jsonInsertSql, valuesInsertSql } from './batchSql.ts';
import type { Dialect } from './migrations.ts';
import type { Tables } from './tables.ts';

// Big imports are written as multi-row INSERTs.
//
// SQLite: VALUES lists with one parameter per value. Each statement may bind at most SQLITE_MAX_VARIABLE_NUMBER
// (32766) values; rows per statement are capped below that, at sizes from a fixed set (the full chunk, then
// powers of two for the rest), so a few statements per table serve any import.
//
// PostgreSQL: each chunk's rows go as one JSON parameter that the server unpacks. Binding every value as a
// parameter of its own cost the pg driver ~1.9 s of CPU time for 100,000 agreements and their revisions
// (2 million values, its message buffer grown by copying); JSON.stringify of each chunk is native, and the
// import's CPU time in this process fell by ~1.5 s while the server's stayed about the same (measured here).
// PostgreSQL's wire protocol allows 65535 parameters, which still bounds the `IN (...)` lists of chunks().
export const MAX_PARAMS: Record<Dialect, number> = { sqlite: 32766, postgres: 65535 };
export const MAX_ROWS = 1000;
/** Rows per JSON chunk: big enough that per-statement costs vanish, small enough to overlap with the server. */
export const JSON_ROWS = 2000;

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

/** Chunks of rows, as (first row, row count). */
type Chunk = { start: number; rows: number };

function chunksOf(sizes: readonly number[]): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  for (const rows of sizes) {
    out.push({ start, rows });
    start += rows;
  }
  return out;
}

/**
 * Inserts `count` rows in a few big statements. Each row's values go straight into the statement's parameters
 * (no row object in between), one chunk at a time, so a 100,000-record import never holds 100,000 rows (and
 * their JSON text) at once: they die young, which keeps garbage collection cheap.
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
  const checked = (values: unknown[], rows: number): unknown[] => {
    if (values.length !== rows * width) {
      throw new Error(`batch insert into ${table}: a row has ${values.length / rows} values, not ${width}`);
    }
    return values;
  };
  let statements: Chunk[];
  let statement: (chunk: Chunk) => CompiledQuery;
  if (dialect === 'sqlite') {
    statements = chunksOf(
      chunkSizes(count, Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS.sqlite / width)))),
    );
    statement = ({ start, rows }) => {
      const params: unknown[] = [];
      for (let j = start; j < start + rows; j++) write(j, params);
      return CompiledQuery.raw(valuesInsertSql(db, table, columns, rows), checked(params, rows));
    };
  } else {
    statements = chunksOf(
      Array.from({ length: Math.ceil(count / JSON_ROWS) }, (_, i) =>
        Math.min(JSON_ROWS, count - i * JSON_ROWS),
      ),
    );
    statement = ({ start, rows }) => {
      const out: unknown[][] = [];
      for (let j = start; j < start + rows; j++) {
        const row: unknown[] = [];
        write(j, row);
        out.push(checked(row, 1));
      }
      return CompiledQuery.raw(jsonInsertSql(db, table, columns), [JSON.stringify(out)]);
    };
  }
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
