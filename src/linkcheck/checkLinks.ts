import type { AgreementId, DatasetId, NoteId } from '../core/ids.ts';
import type { Agreement, CountryNote, PartialDate, Source } from '../core/schemas.ts';
import { NO_ANSWER } from '../core/sourceHealth.ts';
import type { Store } from '../store/types.ts';
import { StaleVersionError } from '../store/types.ts';
import { findArchivedCopy } from './archive.ts';
import { runPerHost } from './hostScheduler.ts';
import { type ProbeResult, probeUrl } from './probe.ts';

// One link check of a dataset: every distinct source URL of its agreements and notes is checked once, then
// every record that cites a checked URL gets the result (status, date, final URL, an archived copy) as one
// revision by "link check".

export const LINK_CHECK_ACTOR = 'link check';

export type LinkCheckOptions = {
  concurrency: number;
  timeoutMs: number;
  allowPrivate: boolean;
  /** Ask the archive API for a copy of each broken source that has none. */
  archive: boolean;
  archiveApi: string;
  /** Politeness: at most this many requests at once to one host, and this long between starts there. */
  perHost?: number;
  delayMs?: number;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
};

export type LinkResult = {
  url: string;
  status: number | null;
  finalUrl: string | null;
  archivedUrl: string | null;
  error: string | null;
};

export type LinkReport = {
  checked: number;
  ok: number;
  broken: number;
  redirected: number;
  archived: number;
  /** Not fetched: loopback, private or link-local addresses (without --allow-private). */
  blocked: number;
  /** Records whose sources changed (one revision each). */
  updated: number;
  results: LinkResult[];
};

const isOk = (r: ProbeResult): boolean => r.status !== null && r.status < 400 && r.error === null;

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

type Cited = { url: string; date: PartialDate | null; needsArchive: boolean };

function citedUrls(agreements: readonly Agreement[], notes: readonly CountryNote[]): Cited[] {
  const byUrl = new Map<string, Cited>();
  const add = (s: Source, date: PartialDate | null): void => {
    const c = byUrl.get(s.url);
    if (!c) byUrl.set(s.url, { url: s.url, date, needsArchive: s.archivedUrl === null });
    else {
      if (c.date === null || c.date.year === null) c.date = date;
      if (s.archivedUrl === null) c.needsArchive = true;
    }
  };
  for (const a of agreements) for (const s of a.sources) add(s, a.date);
  for (const n of notes) for (const s of n.sources) add(s, null);
  return [...byUrl.values()];
}

/**
 * Gives up on a host that has left a request unanswered for the whole timeout and answered none: its other
 * URLs are reported unanswered at once instead of each waiting out the timeout again (a dead host is not asked
 * again and again). A host that answered anything keeps being asked: one slow page is not a dead site.
 */
function deadHostGuard(): {
  probe: (url: string, run: () => Promise<ProbeResult>) => Promise<ProbeResult>;
} {
  const hosts = new Map<string, { unanswered: number; answered: number }>();
  return {
    async probe(url, run) {
      const host = hostOf(url);
      const h = hosts.get(host) ?? { unanswered: 0, answered: 0 };
      hosts.set(host, h);
      if (h.answered === 0 && h.unanswered >= 1) {
        return {
          url,
          status: null,
          finalUrl: null,
          blocked: false,
          answered: false,
          error: `no answer: ${host} left an earlier request unanswered and has answered none`,
        };
      }
      const r = await run();
      if (r.answered) h.answered++;
      else if (!r.blocked && r.error?.startsWith('no answer')) h.unanswered++;
      return r;
    },
  };
}

/**
 * The status a source keeps: the HTTP status, or 0 when there was no usable answer — none at all, or one that
 * never arrives anywhere (a redirect loop, too many redirects), so that such a source reads as broken.
 */
function storedStatus(r: LinkResult): number {
  if (r.error === null) return r.status ?? NO_ANSWER;
  return r.status !== null && r.status >= 400 ? r.status : NO_ANSWER;
}

function updatedSources(
  sources: readonly Source[],
  found: ReadonlyMap<string, LinkResult & { blocked: boolean }>,
  checkedAt: string,
): Source[] | null {
  let changed = false;
  const next = sources.map((s): Source => {
    const r = found.get(s.url);
    if (!r || r.blocked) return s;
    changed = true;
    const out: Source = {
      url: s.url,
      title: s.title,
      archivedUrl: s.archivedUrl ?? r.archivedUrl,
      lastChecked: checkedAt,
      httpStatus: storedStatus(r),
      finalUrl: r.finalUrl,
    };
    return out;
  });
  return changed ? next : null;
}

async function writeResults(
  store: Store,
  dataset: DatasetId,
  found: ReadonlyMap<string, LinkResult & { blocked: boolean }>,
  checkedAt: string,
  summary: string,
): Promise<number> {
  const by = { actor: LINK_CHECK_ACTOR, reason: summary };
  let updated = 0;
  // Someone may edit a record while the check runs: then re-read it and apply the results to what is there now.
  for (const first of await store.listAgreements(dataset)) {
    let a: Agreement | null = first;
    for (let attempt = 0; a !== null && attempt < 3; attempt++) {
      const sources = updatedSources(a.sources, found, checkedAt);
      if (sources === null) break;
      try {
        await store.updateAgreement(a.id, a.version, { sources }, by);
        updated++;
        break;
      } catch (e) {
        if (!(e instanceof StaleVersionError)) throw e;
        a = await store.getAgreement(a.id as AgreementId);
      }
    }
  }
  for (const first of await store.listNotes(dataset)) {
    let n: CountryNote | null = first;
    for (let attempt = 0; n !== null && attempt < 3; attempt++) {
      const sources = updatedSources(n.sources, found, checkedAt);
      if (sources === null) break;
      try {
        await store.updateNote(n.id, n.version, { sources }, by);
        updated++;
        break;
      } catch (e) {
        if (!(e instanceof StaleVersionError)) throw e;
        n = await store.getNote(n.id as NoteId);
      }
    }
  }
  return updated;
}

export async function checkLinks(
  store: Store,
  dataset: DatasetId,
  opts: LinkCheckOptions,
): Promise<LinkReport> {
  const agreements = await store.listAgreements(dataset);
  const notes = await store.listNotes(dataset);
  const cited = citedUrls(agreements, notes);
  const guard = deadHostGuard();
  let done = 0;
  opts.onProgress?.(0, cited.length);
  const probes = await runPerHost(
    cited,
    (c) => hostOf(c.url),
    async (c) => {
      const r = await guard.probe(c.url, () =>
        probeUrl(c.url, { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate }),
      );
      done++;
      opts.onProgress?.(done, cited.length);
      return r;
    },
    { concurrency: opts.concurrency, perHost: opts.perHost ?? 2, delayMs: opts.delayMs ?? 200 },
  );

  const found = new Map<string, LinkResult & { blocked: boolean }>();
  let archived = 0;
  const toArchive: Array<{ cited: Cited; result: LinkResult }> = [];
  probes.forEach((p, i) => {
    const result: LinkResult = {
      url: p.url,
      status: p.status,
      finalUrl: p.finalUrl,
      archivedUrl: null,
      error: p.error,
    };
    found.set(p.url, { ...result, blocked: p.blocked });
    if (opts.archive && !p.blocked && !isOk(p) && cited[i]!.needsArchive)
      toArchive.push({ cited: cited[i]!, result });
  });
  if (toArchive.length > 0) {
    await runPerHost(
      toArchive,
      () => 'archive',
      async ({ cited: c, result }) => {
        const a = await findArchivedCopy(c.url, c.date, { api: opts.archiveApi, timeoutMs: opts.timeoutMs });
        if (a.archivedUrl !== null) {
          archived++;
          found.set(c.url, { ...found.get(c.url)!, archivedUrl: a.archivedUrl });
          result.archivedUrl = a.archivedUrl;
        }
      },
      { concurrency: 4, perHost: 4, delayMs: 0 },
    );
  }

  const results = probes.map((p) => {
    const r = found.get(p.url)!;
    return { url: r.url, status: r.status, finalUrl: r.finalUrl, archivedUrl: r.archivedUrl, error: r.error };
  });
  const report: LinkReport = {
    checked: probes.length,
    ok: probes.filter(isOk).length,
    broken: probes.filter((p) => !p.blocked && !isOk(p)).length,
    redirected: probes.filter((p) => p.finalUrl !== null && p.finalUrl !== p.url).length,
    archived,
    blocked: probes.filter((p) => p.blocked).length,
    updated: 0,
    results,
  };
  const checkedAt = (opts.now?.() ?? new Date()).toISOString();
  report.updated = await writeResults(
    store,
    dataset,
    found,
    checkedAt,
    `link check: ${report.checked} URLs, ${report.broken} broken, ${report.archived} archived copies found`,
  );
  return report;
}
