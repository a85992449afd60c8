import { hash } from '@node-rs/argon2';
import { MIN_PASSWORD_LENGTH, normalizeEmail, passwordProblem } from '../../core/passwordPolicy.ts';
import { withStore } from '../context.ts';
import { DataError, EXIT_OK, UsageError } from '../errors.ts';
import { type Out, readStdin } from '../output.ts';

export { MIN_PASSWORD_LENGTH };

export async function userAddCommand(email: string, opts: { role?: string }, out: Out): Promise<number> {
  const role = opts.role ?? 'editor';
  if (role !== 'admin' && role !== 'editor')
    throw new UsageError(`--role "${role}" is not a role; use admin or editor`);
  const normalized = normalizeEmail(email);
  if (normalized === null) throw new UsageError(`"${email}" is not an e-mail address`);
  const password = (await readStdin()).replace(/\r?\n$/, '');
  const problem = passwordProblem(password);
  if (problem !== null) {
    throw new UsageError(
      `${problem} (it is read from standard input), e.g. echo 'a long passphrase' | atlas user add ${normalized}`,
    );
  }
  const passwordHash = await hash(password);
  await withStore(async (store) => {
    if (await store.findUser(normalized)) throw new DataError(`a user ${normalized} already exists`);
    await store.createUser(normalized, role, passwordHash);
  });
  out.stdout(`added ${normalized} (${role})\n`);
  return EXIT_OK;
}
