import { withStore } from '../context.ts';
import { EXIT_OK, UsageError } from '../errors.ts';
import { type Out, printJson } from '../output.ts';

// `atlas audit [--json] [--limit N]`: the audit log, newest first — who did what, when, from where.

export async function auditCommand(opts: { json?: boolean; limit?: string }, out: Out): Promise<number> {
  const limit = opts.limit === undefined ? 50 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new UsageError(`--limit "${opts.limit}" is not a whole number from 1 to 10000`);
  const entries = await withStore((store) => store.listAudit({ limit }));
  if (opts.json) {
    printJson(out, { entries });
    return EXIT_OK;
  }
  if (entries.length === 0) out.stdout('the audit log is empty\n');
  for (const e of entries) {
    const details = Object.keys(e.details).length > 0 ? `\t${JSON.stringify(e.details)}` : '';
    out.stdout(`${e.at}\t${e.actor ?? '-'}\t${e.action}\t${e.address ?? '-'}${details}\n`);
  }
  return EXIT_OK;
}
