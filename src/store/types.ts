import type { ImportPlan } from '../core/diff.ts';
import type { AgreementFilter, FilterContext } from '../core/filters.ts';
import type { AgreementId, DatasetId, NoteId } from '../core/ids.ts';
import type {
  Agreement,
  AgreementContent,
  CountryNote,
  Dataset,
  NoteContent,
  Revision,
} from '../core/schemas.ts';
import type { Stats } from '../core/stats.ts';
import type { VersionChanges } from '../core/versionChanges.ts';

// The one Store contract. Both dialects (SQLite, PostgreSQL) implement it; one contract test suite runs on both.

export type Actor = { actor: string; reason: string };

export type Role = 'admin' | 'editor';
export type User = { id: number; email: string; role: Role; createdAt: string };
export type UserWithHash = User & { passwordHash: string };
export type Session = { tokenHash: string; userId: number; csrfToken: string; expiresAt: string };

/** A published version as listed (without its document). */
export type VersionSummary = {
  number: number;
  publishedAt: string;
  note: string;
  counts: Stats;
  changes: VersionChanges;
};
/** A version to record: `document` is the frozen dataset document as JSON text. */
export type NewVersion = VersionSummary & { document: string };

/** Thrown when an optimistic-concurrency check fails; carries the current record (or null if it is gone). */
export class StaleVersionError extends Error {
  constructor(
    readonly current: Agreement | CountryNote | null,
    message = 'the record was changed by someone else since you loaded it',
  ) {
    super(message);
    this.name = 'StaleVersionError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} was not found`);
    this.name = 'NotFoundError';
  }
}

/** Thrown when a record would take an id or a unique value (a user's e-mail) that is already taken. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  listDatasets(): Promise<Dataset[]>;
  getDataset(id: DatasetId): Promise<Dataset | null>;
  /** Creates or replaces a dataset's configuration (writes a revision). */
  putDataset(dataset: Dataset, by: Actor): Promise<void>;

  /** `ctx` supplies country names and regions for the text and region filters (the store has no registry). */
  listAgreements(dataset: DatasetId, filter?: AgreementFilter, ctx?: FilterContext): Promise<Agreement[]>;
  getAgreement(id: AgreementId): Promise<Agreement | null>;
  createAgreement(
    dataset: DatasetId,
    content: AgreementContent,
    by: Actor,
    id?: AgreementId,
  ): Promise<Agreement>;
  /** Throws StaleVersionError when `expectedVersion` is not the stored version. */
  updateAgreement(
    id: AgreementId,
    expectedVersion: number,
    patch: Partial<AgreementContent>,
    by: Actor,
  ): Promise<Agreement>;
  deleteAgreement(id: AgreementId, expectedVersion: number, by: Actor): Promise<void>;

  listNotes(dataset: DatasetId): Promise<CountryNote[]>;
  getNote(id: NoteId): Promise<CountryNote | null>;
  createNote(dataset: DatasetId, content: NoteContent, by: Actor, id?: NoteId): Promise<CountryNote>;
  updateNote(
    id: NoteId,
    expectedVersion: number,
    patch: Partial<NoteContent>,
    by: Actor,
  ): Promise<CountryNote>;
  deleteNote(id: NoteId, expectedVersion: number, by: Actor): Promise<void>;

  /** Newest first. */
  listRevisions(entityId: string): Promise<Revision[]>;
  listDatasetRevisions(dataset: DatasetId, limit?: number): Promise<Revision[]>;
  /** Restores the `before` or `after` state recorded in a revision as a new revision (action `revert`). */
  revert(entityId: string, revisionId: number, by: Actor): Promise<Agreement | CountryNote | null>;

  /** Applies a whole import plan in one transaction: all or nothing. Every change writes a revision. */
  applyImport(dataset: DatasetId, plan: ImportPlan, by: Actor): Promise<void>;
  /** Last change to the dataset's records (for ETags and "last updated"), or null if none. */
  lastChange(dataset: DatasetId): Promise<string | null>;

  createUser(email: string, role: Role, passwordHash: string): Promise<User>;
  findUser(email: string): Promise<UserWithHash | null>;
  listUsers(): Promise<User[]>;
  createSession(session: Session): Promise<void>;
  getSession(tokenHash: string): Promise<(Session & { user: User }) | null>;
  deleteSession(tokenHash: string): Promise<void>;

  /** The dataset's published versions, newest first. */
  listVersions(dataset: DatasetId): Promise<VersionSummary[]>;
  /** The frozen document of version `number` as stored (JSON text), or null. */
  getVersionDocument(dataset: DatasetId, number: number): Promise<string | null>;
  /** Records version `v.number`, which must be the latest number + 1 (else ConflictError). */
  addVersion(dataset: DatasetId, v: NewVersion): Promise<void>;
  /** Takes a named lease shared by every process on the database; false while another holder has it. */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}
