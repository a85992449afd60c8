import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';
import { buildOpenApi } from './openapi.ts';

// The paths of the document are described by hand beside the routes (see README.md here), so this compares
// the two both ways, method by method: every route the app serves under /api/v1 (and /healthz) is
// documented, and every documented operation is served. The routes are the same on either dialect, so one
// SQLite store is enough.

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Hono's path syntax to OpenAPI's: `:id` → `{id}`; a parameter with a pattern lists the names it allows. */
function openApiPaths(honoPath: string): string[] {
  const custom = honoPath.match(/:(\w+)\{(.+)\}$/);
  if (!custom) return [honoPath.replace(/:(\w+)/g, '{$1}')];
  // Only the one kind of pattern the app uses: a fixed alternation, e.g. export\.(?:csv|json|geojson).
  const alternation = custom[2]!.match(/^([\w\\.-]*)\(\?:([\w|]+)\)$/);
  if (!alternation)
    throw new Error(`cannot list the paths of the route pattern ${honoPath}; teach this test`);
  const prefix = honoPath.slice(0, custom.index).replace(/:(\w+)/g, '{$1}');
  const stem = alternation[1]!.replace(/\\/g, '');
  return alternation[2]!.split('|').map((alt) => `${prefix}${stem}${alt}`);
}

describe('the OpenAPI document and the app', () => {
  let s: SeededApp;
  beforeAll(async () => {
    s = await seededApp(testDatabases('openapi_routes')[0]!);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('turns route patterns into paths', () => {
    expect(openApiPaths('/api/v1/datasets/:id/countries/:code')).toEqual([
      '/api/v1/datasets/{id}/countries/{code}',
    ]);
    expect(openApiPaths('/api/v1/datasets/:id/:file{export\\.(?:csv|json)}')).toEqual([
      '/api/v1/datasets/{id}/export.csv',
      '/api/v1/datasets/{id}/export.json',
    ]);
    expect(() => openApiPaths('/api/v1/x/:file{[a-z]+}')).toThrow(/teach this test/);
  });

  it('documents every API route the app serves, with its method, and nothing it does not serve', () => {
    const served = new Set<string>();
    for (const route of s.app.routes) {
      if (!route.path.startsWith('/api/v1/') && route.path !== '/healthz') continue;
      // Middleware (app.use) registers ALL on a wildcard; any other ALL route would be an endpoint.
      if (route.method === 'ALL' && route.path.endsWith('*')) continue;
      for (const path of openApiPaths(route.path)) served.add(`${route.method.toLowerCase()} ${path}`);
    }
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) if (METHODS.has(method)) documented.add(`${method} ${path}`);
    }
    expect(served.size).toBeGreaterThan(30);
    const undocumented = [...served].filter((op) => !documented.has(op)).sort();
    const unserved = [...documented].filter((op) => !served.has(op)).sort();
    expect(undocumented, 'served but not in the OpenAPI document (src/server/openapi/)').toEqual([]);
    expect(unserved, 'in the OpenAPI document but not served').toEqual([]);
  });

  it('answers 400 where the document says a route takes no query parameters', async () => {
    const doc = buildOpenApi() as {
      paths: Record<string, { get?: { responses: Record<string, { description?: string }> } }>;
    };
    const noQuery = Object.entries(doc.paths)
      .filter(
        ([, item]) => item.get?.responses['400']?.description === 'This route takes no query parameters',
      )
      .map(([path]) => path);
    expect(noQuery).toEqual(expect.arrayContaining(['/api/v1/datasets', '/api/v1/datasets/{id}/export.csv']));
    const [dataset] = await s.store.listDatasets();
    for (const path of ['/api/v1/datasets', '/api/v1/datasets/{id}', '/api/v1/datasets/{id}/export.csv']) {
      const res = await s.app.request(`${path.replace('{id}', dataset!.id)}?unknown=1`);
      expect(res.status, path).toBe(400);
    }
  });
});
