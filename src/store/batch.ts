import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
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
// The SQL text is still Kysely's, with every value a bound parameter; equal text also lets SQLite reuse the
// prepared statement.
const templates = new Map<string, string>();

function insertSql(
  db: Kysely<Tables>,
  dialect: Dialect,
  table: keyof Tables,
  columns: string[],
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
  }
  return text;
}

/** Inserts rows (all with the same keys) in as few statements as the dialect's parameter limit allows. */
export async function insertChunked<T extends keyof Tables & string>(
  db: Kysely<Tables>,
  dialect: Dialect,
  table: T,
  rows: ReadonlyArray<Insertable<Tables[T]>>,
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS[dialect] / columns.length)));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const params: unknown[] = [];
    for (const row of chunk) {
      const r = row as Record<string, unknown>;
      for (const c of columns) params.push(r[c] === undefined ? null : r[c]);
    }
    await db.executeQuery(CompiledQuery.raw(insertSql(db, dialect, table, columns, chunk.length), params));
  }
}

/** Splits a list for `IN (...)` lists that must stay under the parameter limit. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
