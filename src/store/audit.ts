import type { Tx } from './tx.ts';
import { nowIso } from './tx.ts';
import type { AuditEntry, NewAuditEntry } from './types.ts';

// The audit log: who did what, when, from where. Rows are only ever added; `details` is a JSON object that the
// callers fill without passwords (the server's audit helper drops any key that looks like one, too).

const SECRET_KEY = /pass(word)?|secret|token|hash/i;

function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k]) => !SECRET_KEY.test(k)));
}

export async function appendAudit(tx: Tx, entry: NewAuditEntry): Promise<void> {
  if (entry.action.trim() === '') throw new Error('audit action is empty; name what was done, e.g. "login"');
  await tx.db
    .insertInto('audit_log')
    .values({
      at: entry.at ?? nowIso(),
      actor: entry.actor?.slice(0, 254) ?? null,
      action: entry.action.slice(0, 100),
      address: entry.address?.slice(0, 100) ?? null,
      details: JSON.stringify(withoutSecrets(entry.details)),
    })
    .execute();
}

export async function listAudit(
  tx: Tx,
  { limit = 100, before }: { limit?: number; before?: number } = {},
): Promise<AuditEntry[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new Error(`audit limit ${limit} is not a whole number from 1 to 10000`);
  let q = tx.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (before !== undefined) q = q.where('id', '<', before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    address: r.address,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
