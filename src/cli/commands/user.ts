import { hash } from '@node-rs/argon2';
import { MIN_PASSWORD_LENGTH, normalizeEmail, passwordProblem } from '../../core/passwordPolicy.ts';
import type { User, UserPatch } from '../../store/types.ts';
import { withStore } from '../context.ts';
import { DataError, EXIT_OK, UsageError } from '../errors.ts';
import { type Out, printJson, readStdin } from '../output.ts';

export { MIN_PASSWORD_LENGTH };

/** The password on standard input (one line), checked against the policy. */
async function passwordFromStdin(example: string): Promise<string> {
  const password = (await readStdin()).replace(/\r?\n$/, '');
  const problem = passwordProblem(password);
  if (problem !== null)
    throw new UsageError(
      `${problem} (it is read from standard input), e.g. echo 'a long passphrase' | ${example}`,
    );
  return password;
}

function emailArg(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized === null) throw new UsageError(`"${email}" is not an e-mail address`);
  return normalized;
}

export async function userAddCommand(email: string, opts: { role?: string }, out: Out): Promise<number> {
  const role = opts.role ?? 'editor';
  if (role !== 'admin' && role !== 'editor')
    throw new UsageError(`--role "${role}" is not a role; use admin or editor`);
  const normalized = emailArg(email);
  const password = await passwordFromStdin(`atlas user add ${normalized}`);
  const passwordHash = await hash(password);
  await withStore(async (store) => {
    if (await store.findUser(normalized)) throw new DataError(`a user ${normalized} already exists`);
    await store.createUser(normalized, role, passwordHash);
  });
  out.stdout(`added ${normalized} (${role})\n`);
  return EXIT_OK;
}

function describe(u: User): string {
  const datasets =
    u.role === 'admin' || u.datasets === null ? 'all datasets' : u.datasets.join(', ') || 'no dataset';
  const publish = u.role === 'admin' || u.canPublish ? ', may publish' : '';
  return `${u.email}\t${u.role}${u.disabled ? ' (disabled)' : ''}\t${datasets}${publish}`;
}

export async function userListCommand(opts: { json?: boolean }, out: Out): Promise<number> {
  const users = await withStore((store) => store.listUsers());
  if (opts.json) printJson(out, { users });
  else if (users.length === 0) out.stdout('no users yet; add one with: atlas user add EMAIL --role admin\n');
  else for (const u of users) out.stdout(`${describe(u)}\n`);
  return EXIT_OK;
}

async function changeUser(email: string, patch: UserPatch, action: string, out: Out): Promise<number> {
  const normalized = emailArg(email);
  const user = await withStore(async (store) => {
    if ((await store.findUser(normalized)) === null)
      throw new DataError(`there is no user ${normalized}; atlas user list shows who there is`);
    const after = await store.updateUser(normalized, patch);
    await store.appendAudit({
      actor: 'cli',
      action: action === 'password' ? 'password-reset' : 'user-changed',
      address: null,
      details: action === 'password' ? { email: normalized } : { email: normalized, ...patch },
    });
    return after;
  });
  out.stdout(`${action === 'password' ? 'new password for' : 'changed'} ${describe(user)}\n`);
  return EXIT_OK;
}

export async function userDisableCommand(email: string, disabled: boolean, out: Out): Promise<number> {
  return changeUser(email, { disabled }, disabled ? 'disable' : 'enable', out);
}

export async function userRoleCommand(
  email: string,
  opts: { role: string; datasets?: string; publish?: boolean },
  out: Out,
): Promise<number> {
  if (opts.role !== 'admin' && opts.role !== 'editor')
    throw new UsageError(`--role "${opts.role}" is not a role; use admin or editor`);
  const patch: { role: 'admin' | 'editor'; datasets?: string[] | null; canPublish?: boolean } = {
    role: opts.role,
  };
  if (opts.datasets !== undefined) {
    const list = opts.datasets
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
    patch.datasets = list.length === 1 && list[0] === 'all' ? null : list;
  }
  if (opts.publish !== undefined) patch.canPublish = opts.publish;
  if (patch.datasets) {
    const wanted = patch.datasets;
    await withStore(async (store) => {
      const known = (await store.listDatasets()).map((d) => d.id as string);
      const unknown = wanted.filter((d) => !known.includes(d));
      if (unknown.length > 0)
        throw new UsageError(
          `--datasets names ${unknown.join(', ')}, not in the database; known: ${known.join(', ') || 'none'} (or --datasets all)`,
        );
    });
  }
  return changeUser(email, patch, 'role', out);
}

export async function userPasswordCommand(email: string, out: Out): Promise<number> {
  const normalized = emailArg(email);
  const password = await passwordFromStdin(`atlas user password ${normalized}`);
  return changeUser(normalized, { passwordHash: await hash(password) }, 'password', out);
}
