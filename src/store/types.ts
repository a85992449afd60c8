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

// The one Store contract. Both dialects (SQLite, PostgreSQL) implement it; one contract test suite runs on both.

export type Actor = { actor: string; reason: string };

export type Role = 'admin' | 'editor';
export type User = { id: number; email: string; role: Role; createdAt: string };
export type UserWithHash = User & { passwordHash: string };
export type Session = { tokenHash: string; userId: number; csrfToken: string; expiresAt: string };

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

/** Thrown when an import is applied with a basis (the state its preview was computed on) that is no longer the
 * dataset's: the dataset changed since the preview. Nothing is written. */
export class BasisChangedError extends Error {
  constructor(readonly current: string) {
    super('the dataset changed since the preview; nothing was imported');
    this.name = 'BasisChangedError';
  }
}

/** Options of an import's apply. */
export type ApplyImportOptions = {
  /** Apply only while the dataset is in this state (datasetBasis), checked inside the write transaction. */
  basis?: string;
};

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
  applyImport(dataset: DatasetId, plan: ImportPlan, by: Actor, options?: ApplyImportOptions): Promise<void>;
  /** An opaque name of the dataset's state: it changes with every write to the dataset (each writes a revision). */
  datasetBasis(dataset: DatasetId): Promise<string>;
  /** Last change to the dataset's records (for ETags and "last updated"), or null if none. */
  lastChange(dataset: DatasetId): Promise<string | null>;

  createUser(email: string, role: Role, passwordHash: string): Promise<User>;
  findUser(email: string): Promise<UserWithHash | null>;
  listUsers(): Promise<User[]>;
  createSession(session: Session): Promise<void>;
  getSession(tokenHash: string): Promise<(Session & { user: User }) | null>;
  deleteSession(tokenHash: string): Promise<void>;
}
