import { type Kysely, sql } from 'kysely';
import type { Tables } from './tables.ts';

// The SQL of batch INSERTs. Building a statement through Kysely's query builder for every chunk costs more
// than running it, so Kysely compiles each shape once and later chunks only bind new values. Every value is a
// bound parameter. There are a few shapes per table, each prepared once: SQLite keeps them in the statement
// cache, PostgreSQL as named prepared statements (see preparedPool.ts).

const templates = new Map<string, string>();
const names = new Map<string, string>();

function remember(key: string, compile: () => string): string {
  let text = templates.get(key);
  if (text === undefined) {
    text = compile();
    templates.set(key, text);
    if (!names.has(text)) names.set(text, `atlas_batch_${names.size + 1}`);
  }
  return text;
}

/** The prepared-statement name of a batch INSERT, or undefined for any other SQL. Stable within a process. */
export function preparedStatementName(text: string): string | undefined {
  return names.get(text);
}

/** A multi-row INSERT … VALUES with one placeholder per value (SQLite): `rows` × `columns` parameters. */
export function valuesInsertSql(
  db: Kysely<Tables>,
  table: keyof Tables,
  columns: readonly string[],
  rows: number,
): string {
  return remember(`values|${table}|${columns.join(',')}|${rows}`, () => {
    const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
    return db
      .insertInto(table)
      .values(Array.from({ length: rows }, () => placeholder) as never)
      .compile().sql;
  });
}

// JSON gives text; columns of other types need a cast. (Column names mean the same in every table.)
const POSTGRES_TYPES: Readonly<Record<string, 'integer' | 'boolean'>> = {
  date_year: 'integer',
  date_month: 'integer',
  date_day: 'integer',
  version: 'integer',
  format: 'integer',
  non_governmental: 'boolean',
  multilateral: 'boolean',
  mentions_only: 'boolean',
};

/**
 * An INSERT whose rows arrive as one parameter, a JSON array of rows (each an array of `columns` values), that
 * the server unpacks (PostgreSQL). One statement fits any number of rows.
 */
export function jsonInsertSql(db: Kysely<Tables>, table: keyof Tables, columns: readonly string[]): string {
  return remember(`json|${table}|${columns.join(',')}`, () => {
    const values = columns.map((c, i) => {
      const value = sql`r->>${sql.lit(i)}`;
      const type = POSTGRES_TYPES[c];
      return type === undefined ? value : sql`(${value})::${sql.raw(type)}`;
    });
    return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select ${sql.join(values)} from jsonb_array_elements(${'[]'}::jsonb) as r`.compile(db).sql;
  });
}
