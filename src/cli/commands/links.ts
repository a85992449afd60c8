import cliProgress from 'cli-progress';
import { DEFAULT_ARCHIVE_API } from '../../linkcheck/archive.ts';
import { checkLinks, type LinkReport } from '../../linkcheck/checkLinks.ts';
import { parseDatasetId, storeDataset, withStore } from '../context.ts';
import { EXIT_OK, UsageError } from '../errors.ts';
import { type Out, printJson } from '../output.ts';

export type LinksCheckOptions = {
  dataset?: string;
  json?: boolean;
  archive?: boolean;
  concurrency?: string;
  timeout?: string;
  allowPrivate?: boolean;
};

function positive(raw: string | undefined, option: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) {
    throw new UsageError(`${option} "${raw}" must be a number above 0 and at most ${max}`);
  }
  return n;
}

function progressBar(
  out: Out,
  enabled: boolean,
): { update(done: number, total: number): void; stop(): void } {
  if (!enabled || !out.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {value}/{total} links',
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function printReport(out: Out, r: LinkReport): void {
  for (const x of r.results) {
    if (x.error === null && x.status !== null && x.status < 400) continue;
    const what = x.error ?? `HTTP ${x.status}`;
    out.stdout(`${x.url}\n    ${what}${x.archivedUrl ? `\n    archived copy: ${x.archivedUrl}` : ''}\n`);
  }
  out.stdout(
    `${r.checked} links checked: ${r.ok} ok, ${r.broken} broken, ${r.redirected} redirected, ${r.blocked} blocked, ` +
      `${r.archived} archived copies found; ${r.updated} records updated\n`,
  );
}

/** Requests at once: a whole number, since a fraction below 1 would start none and the check would never end. */
function concurrencyOption(raw: string | undefined): number {
  if (raw === undefined) return 8;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UsageError(`--concurrency "${raw}" must be a whole number from 1 to 256`);
  }
  return n;
}

export async function linksCheckCommand(opts: LinksCheckOptions, out: Out): Promise<number> {
  const concurrency = concurrencyOption(opts.concurrency);
  const timeoutMs = Math.round(positive(opts.timeout, '--timeout', 15, 600) * 1000);
  const archiveApi = process.env.ATLAS_ARCHIVE_API?.trim() || DEFAULT_ARCHIVE_API;
  if (opts.archive) {
    try {
      new URL(archiveApi);
    } catch {
      throw new UsageError(`ATLAS_ARCHIVE_API "${archiveApi}" is not a URL; e.g. ${DEFAULT_ARCHIVE_API}`);
    }
  }
  const bar = progressBar(out, !opts.json);
  const report = await withStore(async (store) => {
    const dataset = await storeDataset(store, parseDatasetId(opts.dataset));
    try {
      return await checkLinks(store, dataset.id, {
        concurrency,
        timeoutMs,
        allowPrivate: Boolean(opts.allowPrivate),
        archive: Boolean(opts.archive),
        archiveApi,
        onProgress: (done, total) => bar.update(done, total),
      });
    } finally {
      bar.stop();
    }
  });
  if (opts.json) printJson(out, report);
  else printReport(out, report);
  // Broken links are a finding, not a failure of the command.
  return EXIT_OK;
}
