import type { Selectable } from 'kysely';
import type { UsersTable } from './tables.ts';
import { isUniqueViolation, nowIso, type Tx } from './tx.ts';
import {
  ConflictError,
  NotFoundError,
  type Role,
  type Session,
  type User,
  type UserPatch,
  type UserWithHash,
} from './types.ts';

// Users and sessions. E-mail addresses are stored lower-cased so uniqueness is case-insensitive in both
// dialects. Session tokens are stored only as hashes (the caller hashes); expired sessions are never returned.

const ROLES: readonly Role[] = ['admin', 'editor'];

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type UserRow = Pick<
  Selectable<UsersTable>,
  'id' | 'email' | 'role' | 'created_at' | 'disabled' | 'datasets' | 'can_publish'
>;

const USER_COLUMNS = ['id', 'email', 'role', 'created_at', 'disabled', 'datasets', 'can_publish'] as const;

function toUser(r: UserRow): User {
  return {
    id: Number(r.id),
    email: r.email,
    role: r.role as Role,
    createdAt: r.created_at,
    disabled: Boolean(r.disabled),
    datasets: r.datasets === null ? null : (JSON.parse(r.datasets) as string[]),
    canPublish: Boolean(r.can_publish),
  };
}

function datasetsColumn(datasets: string[] | null | undefined): string | null {
  if (datasets === undefined || datasets === null) return null;
  return JSON.stringify([...new Set(datasets)].sort());
}

export async function createUser(
  tx: Tx,
  emailInput: string,
  role: Role,
  passwordHash: string,
  rights: { datasets?: string[] | null; canPublish?: boolean } = {},
): Promise<User> {
  const email = normalizeEmail(emailInput);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new Error(`email "${emailInput}" is not an e-mail address; write it as name@example.org`);
  }
  if (!ROLES.includes(role)) throw new Error(`role "${role}" is not known; use one of ${ROLES.join(', ')}`);
  if (passwordHash === '')
    throw new Error('passwordHash is empty; hash the password before storing the user');
  const taken = new ConflictError(`a user with e-mail ${email} already exists`);
  if ((await findUser(tx, email)) !== null) throw taken;
  const createdAt = nowIso();
  try {
    const row = await tx.db
      .insertInto('users')
      .values({
        email,
        role,
        password_hash: passwordHash,
        created_at: createdAt,
        disabled: 0,
        datasets: datasetsColumn(rights.datasets),
        can_publish: (rights.canPublish ?? role === 'admin') ? 1 : 0,
        password_changed_at: createdAt,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return toUser(row);
  } catch (err) {
    // Another request may have taken the address between the check and the insert.
    if (isUniqueViolation(err)) throw taken;
    throw err;
  }
}

export async function findUser(tx: Tx, email: string): Promise<UserWithHash | null> {
  const row = await tx.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row === undefined ? null : { ...toUser(row), passwordHash: row.password_hash };
}

export async function listUsers(tx: Tx): Promise<User[]> {
  const rows = await tx.db.selectFrom('users').select(USER_COLUMNS).orderBy('id').execute();
  return rows.map(toUser);
}

function isoInstant(value: string, field: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new Error(`session ${field} "${value}" is not a date-time; use an ISO-8601 timestamp`);
  return new Date(t).toISOString();
}

export async function createSession(tx: Tx, session: Session): Promise<void> {
  const expiresAt = isoInstant(session.expiresAt, 'expiresAt');
  // Housekeeping on the way in: expired sessions are useless and would pile up.
  await tx.db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
  await tx.db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: expiresAt,
      created_at: session.createdAt ?? nowIso(),
      last_seen_at: session.lastSeenAt ?? session.createdAt ?? nowIso(),
      address: session.address?.slice(0, 100) ?? null,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export async function getSession(tx: Tx, tokenHash: string): Promise<(Session & { user: User }) | null> {
  const row = await tx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.token_hash',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.address',
      'sessions.user_agent',
      'users.id',
      'users.email',
      'users.role',
      'users.created_at',
      'users.disabled',
      'users.datasets',
      'users.can_publish',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', nowIso())
    .executeTakeFirst();
  // A disabled user's sessions are deleted when it is disabled; this is the second lock on that door.
  if (row === undefined || row.disabled) return null;
  return {
    tokenHash: row.token_hash,
    userId: Number(row.user_id),
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    createdAt: row.session_created_at,
    lastSeenAt: row.last_seen_at,
    address: row.address,
    userAgent: row.user_agent,
    user: toUser(row),
  };
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function updateUser(
  tx: Tx,
  emailInput: string,
  patch: UserPatch,
  keepSession?: string,
): Promise<User> {
  const email = normalizeEmail(emailInput);
  const current = await findUser(tx, email);
  if (current === null) throw new NotFoundError(`user ${email}`);
  if (patch.role !== undefined && !ROLES.includes(patch.role))
    throw new Error(`role "${patch.role}" is not known; use one of ${ROLES.join(', ')}`);
  if (patch.passwordHash === '')
    throw new Error('passwordHash is empty; hash the password before storing it');
  const values: Partial<{
    role: string;
    disabled: number;
    datasets: string | null;
    can_publish: number;
    password_hash: string;
    password_changed_at: string;
  }> = {};
  if (patch.role !== undefined) values.role = patch.role;
  if (patch.disabled !== undefined) values.disabled = patch.disabled ? 1 : 0;
  if (patch.datasets !== undefined) values.datasets = datasetsColumn(patch.datasets);
  if (patch.canPublish !== undefined) values.can_publish = patch.canPublish ? 1 : 0;
  if (patch.passwordHash !== undefined) {
    values.password_hash = patch.passwordHash;
    values.password_changed_at = nowIso();
  }
  if (Object.keys(values).length > 0)
    await tx.db.updateTable('users').set(values).where('id', '=', current.id).execute();
  const endsSessions =
    (patch.role !== undefined && patch.role !== current.role) ||
    patch.disabled === true ||
    patch.passwordHash !== undefined;
  if (endsSessions) await deleteUserSessions(tx, current.id, keepSession);
  const after = await findUser(tx, email);
  if (after === null) throw new NotFoundError(`user ${email}`);
  const { passwordHash: _hash, ...user } = after;
  return user;
}

export async function listSessions(tx: Tx, userId: number): Promise<Session[]> {
  const rows = await tx.db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso())
    .orderBy('created_at', 'desc')
    .orderBy('token_hash')
    .execute();
  return rows.map((r) => ({
    tokenHash: r.token_hash,
    userId: Number(r.user_id),
    csrfToken: r.csrf_token,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    address: r.address,
    userAgent: r.user_agent,
  }));
}

export async function deleteUserSessions(tx: Tx, userId: number, except?: string): Promise<number> {
  let q = tx.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except !== undefined) q = q.where('token_hash', '!=', except);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function touchSession(tx: Tx, tokenHash: string, at: string): Promise<void> {
  await tx.db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}
