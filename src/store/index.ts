// The store: the only place with SQL. Open one with `openStore(DATABASE_URL)`.

export type { BackupSummary, RestoreOptions, RestoreSummary } from './backup.ts';
export {
  BACKUP_FORMAT,
  BackupFileError,
  DatabaseNotEmptyError,
  restoreBackup,
  writeBackup,
} from './backup.ts';
export type { DatabaseTarget } from './databaseUrl.ts';
export { DatabaseUrlError, DEFAULT_DATABASE_URL, parseDatabaseUrl } from './databaseUrl.ts';
export { openStore } from './openStore.ts';
export type {
  Actor,
  AuditEntry,
  LaterChange,
  NewAuditEntry,
  RateWindow,
  RevertOptions,
  Role,
  Session,
  Store,
  User,
  UserPatch,
  UserWithHash,
} from './types.ts';
export { ConflictError, NotFoundError, RevertConflictError, StaleVersionError } from './types.ts';
