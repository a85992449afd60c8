import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, DEFAULT_DATABASE_URL, parseDatabaseUrl } from './databaseUrl.ts';

describe('parseDatabaseUrl', () => {
  it('reads sqlite:PATH, relative or absolute, and the URL-looking forms', () => {
    expect(parseDatabaseUrl(DEFAULT_DATABASE_URL)).toEqual({ dialect: 'sqlite', path: './data/atlas.db' });
    expect(parseDatabaseUrl('sqlite:/var/lib/atlas/atlas.db')).toEqual({
      dialect: 'sqlite',
      path: '/var/lib/atlas/atlas.db',
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/atlas.db')).toEqual({
      dialect: 'sqlite',
      path: '/var/lib/atlas.db',
    });
    expect(parseDatabaseUrl('sqlite://./atlas.db')).toEqual({ dialect: 'sqlite', path: './atlas.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
  });

  it('reads postgres:// and postgresql:// with an optional schema, which leaves the connection string', () => {
    expect(parseDatabaseUrl('postgres://u:p@db.example:5433/atlas')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://u:p@db.example:5433/atlas',
      schema: null,
    });
    expect(parseDatabaseUrl('postgresql://u@h/atlas?schema=tenant_1&sslmode=require')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgresql://u@h/atlas?sslmode=require',
      schema: 'tenant_1',
    });
  });

  it('refuses anything else, naming both accepted forms and never echoing a password', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /is empty/],
      ['mysql://root:secret@h/db', /uses "mysql:"/],
      ['data/atlas.db', /is not a database URL/],
      ['sqlite:', /no file path/],
      ['postgres://', /not a valid postgres|no host/],
      ['postgres://h/db?schema=Robert;drop', /schema "Robert;drop"/],
    ];
    for (const [url, why] of cases) {
      let err: unknown;
      try {
        parseDatabaseUrl(url);
      } catch (e) {
        err = e;
      }
      expect(err, url).toBeInstanceOf(DatabaseUrlError);
      const message = (err as Error).message;
      expect(message).toMatch(why);
      expect(message).toContain('sqlite:PATH');
      expect(message).toContain('postgres://');
      expect(message).not.toContain('secret');
    }
  });
});
