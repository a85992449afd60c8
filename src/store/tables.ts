import type { ColumnType, Generated } from 'kysely';

// The database as Kysely sees it. JSON is TEXT and timestamps are ISO-8601 UTC TEXT in both dialects, so
// SQLite and PostgreSQL return identical values; booleans are written as 0/1 (PostgreSQL reads those as
// boolean literals) and read back as either 0/1 or true/false.

type Flag = ColumnType<number | boolean, number, number>;

export interface DatasetsTable {
  id: string;
  config: string;
  created_at: string;
  updated_at: string;
}

export interface AgreementsTable {
  id: string;
  dataset: string;
  category: string;
  partners: string;
  title: string;
  date_text: string;
  date_year: number | null;
  date_month: number | null;
  date_day: number | null;
  summary: string;
  sources: string;
  non_governmental: Flag;
  multilateral: Flag;
  mentions_only: Flag;
  status: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface NotesTable {
  id: string;
  dataset: string;
  country: string;
  text: string;
  sources: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RevisionsTable {
  id: Generated<number>;
  dataset: string;
  entity: string;
  entity_id: string;
  action: string;
  actor: string;
  at: string;
  reason: string;
  before: string | null;
  after: string | null;
  /** How before/after are stored: REVISION_FORMAT in revisions.ts. */
  format: Generated<number>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled: ColumnType<number | boolean, number | undefined, number>;
  /** JSON array of dataset ids the user may edit; null: every dataset. */
  datasets: string | null;
  can_publish: ColumnType<number | boolean, number | undefined, number>;
  password_changed_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string | null;
  last_seen_at: string | null;
  address: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string | null;
  action: string;
  address: string | null;
  /** JSON object: what was done (never a password). */
  details: string;
}

export interface RateHitsTable {
  id: Generated<number>;
  bucket: string;
  key: string;
  at: string;
}

export interface SuggestionsTable {
  id: string;
  dataset: string;
  text: string;
  country: string | null;
  agreement_id: string | null;
  email: string | null;
  status: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface VersionsTable {
  dataset: string;
  number: number;
  published_at: string;
  note: string;
  /** JSON: core Stats of the frozen document. */
  counts: string;
  /** JSON: core VersionChanges since the previous number. */
  changes: string;
  /** JSON: the frozen DatasetDocument, byte for byte as served. */
  document: string;
}

export interface PublishLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Tables {
  datasets: DatasetsTable;
  agreements: AgreementsTable;
  notes: NotesTable;
  revisions: RevisionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  suggestions: SuggestionsTable;
  audit_log: AuditLogTable;
  rate_hits: RateHitsTable;
  versions: VersionsTable;
  publish_leases: PublishLeasesTable;
}
