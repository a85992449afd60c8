import { Hono } from 'hono';
import { filterAgreements } from '../../core/filters.ts';
import type { DatasetId } from '../../core/ids.ts';
import type { Agreement } from '../../core/schemas.ts';
import { computeStats } from '../../core/stats.ts';
import { sendJson, sendRendition } from '../http/httpCache.ts';
import { HttpError } from '../http/httpError.ts';
import { parseQuery } from '../http/query.ts';
import { AgreementQuerySchema, NoQuerySchema } from './apiSchemas.ts';
import type { CountryDirectory } from './countryDirectory.ts';
import { toAgreementFilter } from './filterQuery.ts';
import type { DatasetSnapshots, RenditionKind, Snapshot } from './snapshots.ts';

// Public read routes over datasets. Handlers are thin: validate, take the snapshot, call core, answer.

export type DatasetRoutesDeps = {
  snapshots: DatasetSnapshots;
  countries: CountryDirectory;
};

async function snapshotOf(deps: DatasetRoutesDeps, id: string): Promise<Snapshot> {
  const snap = await deps.snapshots.get(id as DatasetId);
  if (snap === null) {
    const known = await deps.snapshots.ids();
    throw new HttpError(
      404,
      'not_found',
      `there is no dataset "${id}"; known datasets: ${known.length > 0 ? known.join(', ') : 'none'}`,
    );
  }
  return snap;
}

function summary(s: Snapshot): Record<string, unknown> {
  const d = s.dataset;
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    focalCountry: d.focalCountry,
    license: d.license,
    categories: d.categories,
    stats: s.stats,
    lastUpdated: s.lastChange,
  };
}

const EXPORTS: Record<string, { kind: RenditionKind; ext: string }> = {
  'export.csv': { kind: 'csv', ext: 'csv' },
  'export.json': { kind: 'json', ext: 'json' },
  'export.geojson': { kind: 'geojson', ext: 'geojson' },
};

export function datasetRoutes(deps: DatasetRoutesDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    parseQuery(c, NoQuerySchema);
    const ids = await deps.snapshots.ids();
    const snaps = await Promise.all(ids.map((id) => deps.snapshots.get(id)));
    return sendJson(c, { datasets: snaps.filter((s) => s !== null).map(summary) });
  });

  app.get('/:id', async (c) => {
    parseQuery(c, NoQuerySchema);
    const s = await snapshotOf(deps, c.req.param('id'));
    return sendJson(c, { dataset: s.dataset, stats: s.stats, lastUpdated: s.lastChange });
  });

  app.get('/:id/agreements', async (c) => {
    const query = parseQuery(c, AgreementQuerySchema);
    const s = await snapshotOf(deps, c.req.param('id'));
    const filter = toAgreementFilter(query, s.dataset, deps.countries);
    const agreements = filterAgreements(s.agreements, filter, deps.countries.filterContext);
    return sendJson(c, { agreements, total: agreements.length, stats: computeStats(s.dataset, agreements) });
  });

  app.get('/:id/countries/:code', async (c) => {
    parseQuery(c, NoQuerySchema);
    const s = await snapshotOf(deps, c.req.param('id'));
    const code = c.req.param('code').toUpperCase();
    const info = /^[A-Z]{2}$/.test(code) ? deps.countries.lookup(code) : null;
    if (info === null) {
      throw new HttpError(
        404,
        'not_found',
        `"${c.req.param('code')}" is not an ISO 3166-1 alpha-2 country code; use a two-letter code such as SG`,
      );
    }
    const mine = s.agreements.filter((a) => a.partners.includes(info.iso2));
    const grouped: Record<string, Agreement[]> = {};
    for (const cat of s.dataset.categories) grouped[cat.id] = mine.filter((a) => a.category === cat.id);
    return sendJson(c, {
      country: { iso2: info.iso2, name: info.name, region: info.region },
      agreements: grouped,
      notes: s.notes.filter((n) => n.country === info.iso2),
      stats: computeStats(s.dataset, mine),
    });
  });

  app.get('/:id/document', async (c) => {
    parseQuery(c, NoQuerySchema);
    const s = await snapshotOf(deps, c.req.param('id'));
    return sendRendition(c, s.rendition('json'));
  });

  app.get('/:id/:file{export\\.(?:csv|json|geojson)}', async (c) => {
    parseQuery(c, NoQuerySchema);
    const s = await snapshotOf(deps, c.req.param('id'));
    const spec = EXPORTS[c.req.param('file')]!;
    return sendRendition(c, s.rendition(spec.kind), {
      'Content-Disposition': `attachment; filename="${s.dataset.id}.${spec.ext}"`,
    });
  });

  return app;
}
