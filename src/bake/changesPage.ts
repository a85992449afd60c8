import type { Dataset } from '../core/schemas.ts';
import type { VersionEntry } from '../core/versionChanges.ts';
import type { VersionSummary } from '../store/types.ts';
import { escapeHtml } from '../web/ssr.ts';
import { formatTimestamp, LOCALE } from '../web/text.ts';
import { describeEntry, LIST_LIMIT, plural } from './changeLog.ts';

// The public change log (/changes/): every version, newest first, with what it added, changed and removed. Plain
// server-rendered HTML for the live server and the bake alike; every text is escaped, nothing inline is styled
// or executed (the page works under the strict CSP). Links are relative, so the page works under any prefix.

export type ChangesPageOptions = {
  dataset: Dataset;
  versions: readonly VersionSummary[];
  /** Stylesheets of the map page, relative to this page (optional). */
  css?: readonly string[];
};

function entryList(
  dataset: Dataset,
  title: string,
  entries: readonly VersionEntry[],
  fields = false,
): string {
  if (entries.length === 0) return '';
  // Readers scan by country: sorted by what each line says (country, category, date), not by record id.
  const lines = entries
    .map((e) => ({ e, text: describeEntry(dataset, e) }))
    .sort((a, b) => a.text.localeCompare(b.text, LOCALE));
  const shown = lines.slice(0, LIST_LIMIT).map(({ e, text }) => {
    const changed =
      fields && 'fields' in e
        ? ` <span class="changes-fields">(${escapeHtml((e.fields as string[]).join(', '))})</span>`
        : '';
    return `<li>${escapeHtml(text)}${changed}</li>`;
  });
  if (entries.length > LIST_LIMIT)
    shown.push(`<li>… and ${entries.length - LIST_LIMIT} more (the version's data lists them all)</li>`);
  return `<h3>${escapeHtml(title)} (${entries.length})</h3>\n<ul class="changes-list">\n${shown.join('\n')}\n</ul>`;
}

function countsLine(dataset: Dataset, v: VersionSummary): string {
  return dataset.categories
    .map((c) => `${v.counts.counts[c.id] ?? 0} ${escapeHtml(c.label)}`)
    .concat(plural(v.counts.partners, 'partner country', 'partner countries'))
    .join(' · ');
}

function versionSection(dataset: Dataset, v: VersionSummary): string {
  const c = v.changes;
  const nothing =
    c.added.length + c.changed.length + c.removed.length === 0
      ? '<p>No agreement was added, changed or removed; notes or the dataset\u2019s description changed.</p>'
      : '';
  return [
    `<section class="changes-version" id="v${v.number}" aria-labelledby="v${v.number}-title">`,
    `<h2 id="v${v.number}-title"><a href="../v/${v.number}/">Version ${v.number}</a> · published <time datetime="${escapeHtml(v.publishedAt)}">${escapeHtml(formatTimestamp(v.publishedAt))}</time></h2>`,
    v.note ? `<p class="changes-note">${escapeHtml(v.note)}</p>` : '',
    `<p class="changes-counts">${countsLine(dataset, v)}</p>`,
    nothing,
    entryList(dataset, 'Added', c.added),
    entryList(dataset, 'Changed', c.changed, true),
    entryList(dataset, 'Removed', c.removed),
    '</section>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

export function renderChangesPage(opts: ChangesPageOptions): string {
  const { dataset, versions } = opts;
  const title = `Changes · ${dataset.title}`;
  const body =
    versions.length === 0
      ? '<p>Nothing has been published yet.</p>'
      : versions.map((v) => versionSection(dataset, v)).join('\n');
  return [
    '<!doctype html>',
    `<html lang="${LOCALE}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(`Every published version of ${dataset.title}, and what each added, changed and removed.`)}">`,
    '<link rel="icon" href="data:,">',
    `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(title)}" href="../changes.atom">`,
    ...(opts.css ?? []).map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`),
    '</head>',
    '<body>',
    '<main class="changes-page">',
    `<h1>What changed: ${escapeHtml(dataset.title)}</h1>`,
    `<p><a href="../">The current map</a> · <a href="../changes.atom">Subscribe to the changes (Atom feed)</a></p>`,
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
