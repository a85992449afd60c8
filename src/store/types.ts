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
import type { NewSuggestion, Suggestion, SuggestionStatus } from '../core/suggestions.ts';

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

/** One later change to a field a revert would undo: which revision, by whom and when. */
export type LaterChange = { field: string; revision: number; actor: string; at: string };

/**
 * Thrown when a revert would undo a field that a later revision changed again; `force` overrides. Names the
 * fields (and who changed them when) and carries the current record, as a stale version does.
 */
export class RevertConflictError extends ConflictError {
  readonly fields: string[];
  constructor(
    readonly later: LaterChange[],
    readonly current: Agreement | CountryNote | null,
  ) {
    const fields = [...new Set(later.map((l) => l.field))];
    super(
      `${fields.map((f) => `"${f}"`).join(', ')} ${fields.length === 1 ? 'was' : 'were'} changed again by a later revision ` +
        `(${later.map((l) => `${l.field}: revision ${l.revision} by ${l.actor} at ${l.at}`).join('; ')}); ` +
        'undoing this revision would overwrite that change: send force to undo it anyway',
    );
    this.name = 'RevertConflictError';
    this.fields = fields;
  }
}

/** How a revert is checked: the version the caller saw (a stale one throws StaleVersionError), and `force`. */
export type RevertOptions = { expectedVersion?: number; force?: boolean };

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
  /**
   * Undoes the fields that revision changed (later changes to other fields are kept), as a new revision (action
   * `revert`); a create's revert deletes, a delete's revert recreates. A field changed again later throws
   * RevertConflictError unless `opts.force`; a stale `opts.expectedVersion` throws StaleVersionError.
   */
  revert(
    entityId: string,
    revisionId: number,
    by: Actor,
    opts?: RevertOptions,
  ): Promise<Agreement | CountryNote | null>;

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

  /** Readers' corrections: created open; newest first; NotFoundError for an unknown id or dataset. */
  createSuggestion(dataset: DatasetId, input: NewSuggestion): Promise<Suggestion>;
  listSuggestions(dataset: DatasetId, status?: SuggestionStatus): Promise<Suggestion[]>;
  getSuggestion(id: string): Promise<Suggestion | null>;
  updateSuggestion(id: string, patch: { status?: SuggestionStatus; note?: string }): Promise<Suggestion>;
}
