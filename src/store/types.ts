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
import type { NewSuggestion, Suggestion, SuggestionStatus } from '../core/suggestions.ts';
import type { VersionChanges } from '../core/versionChanges.ts';

// The one Store contract. Both dialects (SQLite, PostgreSQL) implement it; one contract test suite runs on both.

export type Actor = { actor: string; reason: string };

export type Role = 'admin' | 'editor';
export type User = {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
  /** A disabled user cannot log in and has no sessions. */
  disabled: boolean;
  /** The datasets an editor may change; null: every dataset (admins always have every dataset). */
  datasets: string[] | null;
  /** Whether the user may publish the static site (admins by default). */
  canPublish: boolean;
};
export type UserWithHash = User & { passwordHash: string };
export type Session = {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
  /** Where and when the session was made (null for sessions older than migration 0007). */
  createdAt?: string | null;
  lastSeenAt?: string | null;
  address?: string | null;
  userAgent?: string | null;
};

/** What may change about a user; a role change, disabling or a new password ends the user's sessions. */
export type UserPatch = {
  role?: Role;
  disabled?: boolean;
  datasets?: string[] | null;
  canPublish?: boolean;
  passwordHash?: string;
};

/** One line of the audit log: who did what, when and from where. `details` never holds a password. */
export type AuditEntry = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  address: string | null;
  details: Record<string, unknown>;
};
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

/** Hits of one limiter key within a window: how many, and the oldest and newest. */
export type RateWindow = { count: number; first: string | null; last: string | null };

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

  createUser(
    email: string,
    role: Role,
    passwordHash: string,
    rights?: { datasets?: string[] | null; canPublish?: boolean },
  ): Promise<User>;
  /**
   * Changes a user (NotFoundError when there is none). A role change, disabling or a new password deletes the
   * user's sessions in the same transaction, except `keepSession` (the session that changed its own password).
   */
  updateUser(email: string, patch: UserPatch, keepSession?: string): Promise<User>;
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
  /** The user's live sessions, newest first. */
  listSessions(userId: number): Promise<Session[]>;
  /** Ends every session of the user except `except`; returns how many ended. */
  deleteUserSessions(userId: number, except?: string): Promise<number>;
  /** Records that a session was used (last seen). */
  touchSession(tokenHash: string, at: string): Promise<void>;

  appendAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first; `before` pages by id. */
  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]>;

  /** Records one hit of a limiter key; returns its id. */
  addRateHit(bucket: string, key: string, at: string): Promise<number>;
  /**
   * Records a hit only if fewer than `max` hits of the key fall at or after `since`, atomically across
   * processes; says whether it did, with the window as it is then.
   */
  takeRateHit(
    bucket: string,
    key: string,
    at: string,
    since: string,
    max: number,
  ): Promise<RateWindow & { taken: boolean }>;
  /** The key's hits at or after `since`. */
  rateWindow(bucket: string, key: string, since: string): Promise<RateWindow>;
  clearRateHits(bucket: string, key: string): Promise<void>;
  /** Deletes every hit older than `before` (all buckets). */
  pruneRateHits(before: string): Promise<void>;
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
