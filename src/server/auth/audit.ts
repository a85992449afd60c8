import type { Context } from 'hono';
import type { Store, User } from '../../store/types.ts';
import { clientAddress } from '../http/clientAddress.ts';

// One line in the audit log for something a person did through the server: who (the logged-in user unless said
// otherwise), from which address, what. Callers pass what was done, never a password.

export type AuditAction =
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'session-ended'
  | 'password-changed'
  | 'password-reset'
  | 'user-added'
  | 'user-changed'
  | 'publish'
  | 'import';

export async function audit(
  c: Context,
  store: Store,
  action: AuditAction,
  details: Record<string, unknown> = {},
  actor?: string | null,
): Promise<void> {
  const user = (c.var as { user?: User }).user;
  await store.appendAudit({
    actor: actor === undefined ? (user?.email ?? null) : actor,
    action,
    address: clientAddress(c),
    details,
  });
}
