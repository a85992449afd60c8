import type { Selectable } from 'kysely';
import type { UsersTable } from './tables.ts';
import { isUniqueViolation, nowIso, type Tx } from './tx.ts';
import { ConflictError, type Role, type Session, type User, type UserWithHash } from './types.ts';

// Users and sessions. E-mail addresses are stored lower-cased so uniqueness is case-insensitive in both
// dialects. Session tokens are stored only as hashes (the caller hashes); expired sessions are never returned.

const ROLES: readonly Role[] = ['admin', 'editor'];

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(r: Pick<Selectable<UsersTable>, 'id' | 'email' | 'role' | 'created_at'>): User {
  return { id: Number(r.id), email: r.email, role: r.role as Role, createdAt: r.created_at };
}

export async function createUser(
  tx: Tx,
  emailInput: string,
  role: Role,
  passwordHash: string,
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
      .values({ email, role, password_hash: passwordHash, created_at: createdAt })
      .returning(['id', 'email', 'role', 'created_at'])
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
  const rows = await tx.db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'created_at'])
    .orderBy('id')
    .execute();
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
      'users.id',
      'users.email',
      'users.role',
      'users.created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', nowIso())
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    tokenHash: row.token_hash,
    userId: Number(row.user_id),
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    user: toUser(row),
  };
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
