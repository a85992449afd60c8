import type { Kysely } from 'kysely';
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
import * as agreements from './agreements.ts';
import { applyImport } from './applyImport.ts';
import * as audit from './audit.ts';
import { datasetBasis } from './basis.ts';
import * as datasets from './datasets.ts';
import * as limits from './limits.ts';
import { type Dialect, migrateToLatest } from './migrations.ts';
import * as notes from './notes.ts';
import { revert } from './revert.ts';
import * as revisions from './revisions.ts';
import * as suggestions from './suggestions.ts';
import type { Tables } from './tables.ts';
import type { Tx } from './tx.ts';
import {
  type Actor,
  type ApplyImportOptions,
  type AuditEntry,
  BasisChangedError,
  type NewAuditEntry,
  type NewVersion,
  type RateWindow,
  type RevertOptions,
  type Role,
  type Session,
  type Store,
  type User,
  type UserPatch,
  type UserWithHash,
  type VersionSummary,
} from './types.ts';
import * as users from './users.ts';
import * as versions from './versions.ts';

// The Store over Kysely: one query code for both dialects. Every write runs in a transaction, so a record and
// its revision are written together or not at all.

export class KyselyStore implements Store {
  readonly #tx: Tx;

  constructor(
    readonly db: Kysely<Tables>,
    readonly dialect: Dialect,
    /** PostgreSQL schema holding the tables (for the migrator), if not the connection's default. */
    private readonly schema?: string,
  ) {
    this.#tx = { db, dialect };
  }

  #write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn({ db: trx, dialect: this.dialect }));
  }

  migrate(): Promise<void> {
    return migrateToLatest(this.db as unknown as Kysely<unknown>, this.dialect, this.schema);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  listDatasets(): Promise<Dataset[]> {
    return datasets.listDatasets(this.#tx);
  }

  getDataset(id: DatasetId): Promise<Dataset | null> {
    return datasets.getDataset(this.#tx, id);
  }

  putDataset(dataset: Dataset, by: Actor): Promise<void> {
    return this.#write((tx) => datasets.putDataset(tx, dataset, by));
  }

  listAgreements(dataset: DatasetId, filter?: AgreementFilter, ctx?: FilterContext): Promise<Agreement[]> {
    return agreements.listAgreements(this.#tx, dataset, filter, ctx);
  }

  getAgreement(id: AgreementId): Promise<Agreement | null> {
    return agreements.getAgreement(this.#tx, id);
  }

  createAgreement(
    dataset: DatasetId,
    content: AgreementContent,
    by: Actor,
    id?: AgreementId,
  ): Promise<Agreement> {
    return this.#write((tx) => agreements.createAgreement(tx, dataset, content, by, id));
  }

  updateAgreement(
    id: AgreementId,
    expectedVersion: number,
    patch: Partial<AgreementContent>,
    by: Actor,
  ): Promise<Agreement> {
    return this.#write((tx) => agreements.updateAgreement(tx, id, expectedVersion, patch, by));
  }

  deleteAgreement(id: AgreementId, expectedVersion: number, by: Actor): Promise<void> {
    return this.#write((tx) => agreements.deleteAgreement(tx, id, expectedVersion, by));
  }

  getNote(id: NoteId): Promise<CountryNote | null> {
    return notes.getNote(this.#tx, id);
  }

  listNotes(dataset: DatasetId): Promise<CountryNote[]> {
    return notes.listNotes(this.#tx, dataset);
  }

  createNote(dataset: DatasetId, content: NoteContent, by: Actor, id?: NoteId): Promise<CountryNote> {
    return this.#write((tx) => notes.createNote(tx, dataset, content, by, id));
  }

  updateNote(
    id: NoteId,
    expectedVersion: number,
    patch: Partial<NoteContent>,
    by: Actor,
  ): Promise<CountryNote> {
    return this.#write((tx) => notes.updateNote(tx, id, expectedVersion, patch, by));
  }

  deleteNote(id: NoteId, expectedVersion: number, by: Actor): Promise<void> {
    return this.#write((tx) => notes.deleteNote(tx, id, expectedVersion, by));
  }

  listRevisions(entityId: string): Promise<Revision[]> {
    return revisions.listRevisions(this.db, entityId);
  }

  listDatasetRevisions(dataset: DatasetId, limit?: number): Promise<Revision[]> {
    return revisions.listDatasetRevisions(this.db, dataset, limit);
  }

  revert(
    entityId: string,
    revisionId: number,
    by: Actor,
    opts?: RevertOptions,
  ): Promise<Agreement | CountryNote | null> {
    return this.#write((tx) => revert(tx, entityId, revisionId, by, opts));
  }

  applyImport(dataset: DatasetId, plan: ImportPlan, by: Actor, options?: ApplyImportOptions): Promise<void> {
    return this.#write(async (tx) => {
      // In the write transaction (SQLite: BEGIN IMMEDIATE), so no write can slip between the check and the apply.
      if (options?.basis !== undefined) {
        const now = await datasetBasis(tx, dataset);
        if (now !== options.basis) throw new BasisChangedError(now);
      }
      await applyImport(tx, dataset, plan, by);
    });
  }

  datasetBasis(dataset: DatasetId): Promise<string> {
    return datasetBasis(this.#tx, dataset);
  }

  lastChange(dataset: DatasetId): Promise<string | null> {
    return revisions.lastChange(this.db, dataset);
  }

  createUser(
    email: string,
    role: Role,
    passwordHash: string,
    rights?: { datasets?: string[] | null; canPublish?: boolean },
  ): Promise<User> {
    return this.#write((tx) => users.createUser(tx, email, role, passwordHash, rights));
  }

  updateUser(email: string, patch: UserPatch, keepSession?: string): Promise<User> {
    return this.#write((tx) => users.updateUser(tx, email, patch, keepSession));
  }

  findUser(email: string): Promise<UserWithHash | null> {
    return users.findUser(this.#tx, email);
  }

  listUsers(): Promise<User[]> {
    return users.listUsers(this.#tx);
  }

  createSession(session: Session): Promise<void> {
    return this.#write((tx) => users.createSession(tx, session));
  }

  getSession(tokenHash: string): Promise<(Session & { user: User }) | null> {
    return users.getSession(this.#tx, tokenHash);
  }

  deleteSession(tokenHash: string): Promise<void> {
    return users.deleteSession(this.#tx, tokenHash);
  }

  createSuggestion(dataset: DatasetId, input: NewSuggestion): Promise<Suggestion> {
    return this.#write((tx) => suggestions.createSuggestion(tx, dataset, input));
  }

  listSuggestions(dataset: DatasetId, status?: SuggestionStatus): Promise<Suggestion[]> {
    return suggestions.listSuggestions(this.#tx, dataset, status);
  }

  getSuggestion(id: string): Promise<Suggestion | null> {
    return suggestions.getSuggestion(this.#tx, id);
  }

  updateSuggestion(id: string, patch: { status?: SuggestionStatus; note?: string }): Promise<Suggestion> {
    return this.#write((tx) => suggestions.updateSuggestion(tx, id, patch));
  }

  listSessions(userId: number): Promise<Session[]> {
    return users.listSessions(this.#tx, userId);
  }

  deleteUserSessions(userId: number, except?: string): Promise<number> {
    return users.deleteUserSessions(this.#tx, userId, except);
  }

  touchSession(tokenHash: string, at: string): Promise<void> {
    return users.touchSession(this.#tx, tokenHash, at);
  }

  appendAudit(entry: NewAuditEntry): Promise<void> {
    return audit.appendAudit(this.#tx, entry);
  }

  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]> {
    return audit.listAudit(this.#tx, options);
  }

  addRateHit(bucket: string, key: string, at: string): Promise<number> {
    return limits.addRateHit(this.#tx, bucket, key, at);
  }

  takeRateHit(
    bucket: string,
    key: string,
    at: string,
    since: string,
    max: number,
  ): Promise<RateWindow & { taken: boolean }> {
    return this.#write((tx) => limits.takeRateHit(tx, bucket, key, at, since, max));
  }

  rateWindow(bucket: string, key: string, since: string): Promise<RateWindow> {
    return limits.rateWindow(this.#tx, bucket, key, since);
  }

  clearRateHits(bucket: string, key: string): Promise<void> {
    return limits.clearRateHits(this.#tx, bucket, key);
  }

  pruneRateHits(before: string): Promise<void> {
    return limits.pruneRateHits(this.#tx, before);
  }

  listVersions(dataset: DatasetId): Promise<VersionSummary[]> {
    return versions.listVersions(this.#tx, dataset);
  }

  getVersionDocument(dataset: DatasetId, number: number): Promise<string | null> {
    return versions.getVersionDocument(this.#tx, dataset, number);
  }

  addVersion(dataset: DatasetId, v: NewVersion): Promise<void> {
    return this.#write((tx) => versions.addVersion(tx, dataset, v));
  }

  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    return versions.acquireLease(this.#tx, name, holder, ttlMs);
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return versions.releaseLease(this.#tx, name, holder);
  }
}
