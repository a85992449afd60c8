// The store: the only place with SQL. Open one with `openStore(DATABASE_URL)`.
export type { DatabaseTarget } from './databaseUrl.ts';
export { DatabaseUrlError, DEFAULT_DATABASE_URL, parseDatabaseUrl } from './databaseUrl.ts';
export { openStore } from './openStore.ts';
export type {
  Actor,
  AuditEntry,
  NewAuditEntry,
  RateWindow,
  Role,
  Session,
  Store,
  User,
  UserPatch,
  UserWithHash,
} from './types.ts';
export { ConflictError, NotFoundError, StaleVersionError } from './types.ts';
