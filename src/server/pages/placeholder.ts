import type { Dataset } from '../../core/schemas.ts';
import type { Stats } from '../../core/stats.ts';
import type { Freshness } from '../../web/app/freshness.ts';
import { escapeHtml } from '../../web/ssr.ts';

// A stand-in for the public map page until src/web is built: the headline numbers and where the data is.
// No inline style or script, so it passes the strict CSP unchanged.

/** `freshness`: how recent the research is (web/app/freshness.ts freshnessOf), not the day of an import. */
export type PlaceholderInput = { dataset: Dataset; stats: Stats; freshness: Freshness | null };

export function renderPlaceholder({ dataset, stats, freshness }: PlaceholderInput): string {
  const id = encodeURIComponent(dataset.id);
  const api = `/api/v1/datasets/${id}`;
  const counts = dataset.categories
    .map((c) => `<li><strong>${stats.counts[c.id] ?? 0}</strong> ${escapeHtml(c.label)}</li>`)
    .join('\n      ');
  const credits = dataset.credits.map((c) => `${escapeHtml(c.role)}: ${escapeHtml(c.name)}`).join(' · ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(dataset.title)}</title>
  </head>
  <body>
    <main>
      <h1>${escapeHtml(dataset.title)}</h1>
      <p>${escapeHtml(dataset.description)}</p>
      <ul>
      ${counts}
      </ul>
      <p>${stats.partners} partner countries.${freshness === null ? '' : ` ${freshness.kind === 'dataAsOf' ? 'Data as of' : 'Latest agreement:'} ${escapeHtml(freshness.iso)}.`}</p>
      <p>The interactive map is not built yet. Data:
        <a href="${api}/document">JSON document</a>,
        <a href="${api}/export.csv">CSV</a>,
        <a href="${api}/export.geojson">GeoJSON</a>,
        <a href="/api/v1/openapi.json">API description</a>.</p>
      <p>${credits}</p>
      <p>Licence: <a href="${escapeHtml(dataset.license.url)}">${escapeHtml(dataset.license.name)}</a></p>
    </main>
  </body>
</html>
`;
}
