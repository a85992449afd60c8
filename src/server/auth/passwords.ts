import { hash, verify } from '@node-rs/argon2';

// Passwords are stored as argon2id hashes (the library's defaults). A login for an unknown e-mail still runs one
// verification, against a hash of nothing anyone knows, so the answer takes as long as for a wrong password.

let dummy: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches `passwordHash`; with no hash (no such user), false after the same work. */
export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummy ??= hash(`no user ${Math.random()}`);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
