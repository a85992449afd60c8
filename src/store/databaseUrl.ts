// DATABASE_URL is the one knob operators turn: `sqlite:PATH` for a file, `postgres://...` for a server.

export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; connectionString: string; schema: string | null };

export const DEFAULT_DATABASE_URL = 'sqlite:./data/atlas.db';

const ACCEPTED =
  'Use sqlite:PATH (e.g. sqlite:./data/atlas.db, relative to the working directory) or ' +
  'postgres://USER@HOST:PORT/DATABASE (optionally with ?schema=NAME).';

// A schema name ends up as an identifier and in the connection's search_path: keep it to a plain name.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class DatabaseUrlError extends Error {
  constructor(detail: string) {
    super(`DATABASE_URL ${detail}. ${ACCEPTED}`);
    this.name = 'DatabaseUrlError';
  }
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const text = url.trim();
  if (text === '') throw new DatabaseUrlError('is empty');
  if (/^sqlite:/i.test(text)) {
    let path = text.slice('sqlite:'.length);
    // Tolerate the URL-looking forms sqlite:///abs/path and sqlite://./rel/path.
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw new DatabaseUrlError(`"${text}" has no file path after "sqlite:"`);
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new DatabaseUrlError('is not a valid postgres:// URL');
    }
    if (parsed.hostname === '') throw new DatabaseUrlError('has no host name');
    const schema = parsed.searchParams.get('schema');
    if (schema !== null && !SCHEMA_NAME.test(schema)) {
      throw new DatabaseUrlError(
        `has schema "${schema}"; a schema name is lower-case letters, digits and underscores, starting with a letter`,
      );
    }
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', connectionString: parsed.toString(), schema };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  throw new DatabaseUrlError(
    scheme ? `uses "${scheme}:", which is not supported` : `"${text}" is not a database URL`,
  );
}
