import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.ts';

// The OpenAPI document is generated, so these checks guard its shape: version, every route, schemas, refs.

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, Record<string, unknown>> };
};

const ROUTES = [
  '/healthz',
  '/api/v1/datasets',
  '/api/v1/datasets/{id}',
  '/api/v1/datasets/{id}/agreements',
  '/api/v1/datasets/{id}/countries/{code}',
  '/api/v1/datasets/{id}/document',
  '/api/v1/datasets/{id}/versions',
  '/api/v1/datasets/{id}/versions/{n}/document',
  '/api/v1/datasets/{id}/export.csv',
  '/api/v1/datasets/{id}/export.json',
  '/api/v1/datasets/{id}/export.geojson',
  '/api/v1/agreements/{id}',
  '/api/v1/openapi.json',
];

const EDITOR_OPERATIONS = [
  'post /api/v1/session',
  'get /api/v1/session',
  'delete /api/v1/session',
  'patch /api/v1/datasets/{id}',
  'post /api/v1/datasets/{id}/agreements',
  'post /api/v1/datasets/{id}/import',
  'patch /api/v1/agreements/{id}',
  'delete /api/v1/agreements/{id}',
  'get /api/v1/agreements/{id}/revisions',
  'post /api/v1/agreements/{id}/revert',
  'post /api/v1/datasets/{id}/notes',
  'get /api/v1/datasets/{id}/revisions',
  'patch /api/v1/notes/{id}',
  'delete /api/v1/notes/{id}',
  'get /api/v1/notes/{id}/revisions',
  'post /api/v1/notes/{id}/revert',
  'get /api/v1/publish',
  'post /api/v1/publish',
  'get /api/v1/users',
  'post /api/v1/users',
  'patch /api/v1/users/{email}',
  'post /api/v1/users/{email}/password',
  'post /api/v1/session/password',
  'get /api/v1/session/list',
  'delete /api/v1/session/list',
  'delete /api/v1/session/list/{id}',
  'get /api/v1/audit',
];

// Sources and readers' corrections (openapiSources.ts).
const SOURCES_OPERATIONS = [
  'get /api/v1/datasets/{id}/links/check',
  'post /api/v1/datasets/{id}/links/check',
  'post /api/v1/datasets/{id}/suggestions',
  'get /api/v1/datasets/{id}/suggestions',
  'patch /api/v1/suggestions/{id}',
];

describe('OpenAPI document', () => {
  const doc = buildOpenApi() as Doc;

  it('is OpenAPI 3.1 and lists every read route', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES) expect(doc.paths[route]?.get?.responses['200'], route).toBeDefined();
  });

  it('lists every editor operation, and nothing else', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    const expected = [...ROUTES.map((r) => `get ${r}`), ...EDITOR_OPERATIONS, ...SOURCES_OPERATIONS];
    expect(operations.sort()).toEqual(expected.sort());
    const patch = doc.paths['/api/v1/agreements/{id}']!.patch as unknown as {
      parameters: Array<{ name: string; in: string }>;
      security: unknown[];
      responses: Record<string, unknown>;
    };
    expect(patch.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:id',
      'header:If-Match',
      'header:X-Change-Reason',
    ]);
    expect(patch.security).toEqual([{ session: [], csrf: [] }]);
    expect(Object.keys(patch.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '409', '428']),
    );
    const create = doc.components.schemas.NewAgreement as { required: string[] };
    expect(create.required.sort()).toEqual(['category', 'partners']);
  });

  it('has component schemas for the domain and the answers', () => {
    for (const name of [
      'Agreement',
      'Dataset',
      'DatasetDocument',
      'CountryNote',
      'AgreementList',
      'Stats',
      'Error',
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
      expect(doc.components.schemas[name]?.$schema, name).toBeUndefined();
    }
    const agreement = doc.components.schemas.Agreement as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(agreement.required).toEqual(
      expect.arrayContaining(['id', 'category', 'partners', 'date', 'version']),
    );
  });

  it('describes path and query parameters from the validation schemas', () => {
    const list = doc.paths['/api/v1/datasets/{id}/agreements']!.get!;
    const names = list.parameters.map((p) => `${p.in}:${p.name}`);
    expect(names).toEqual([
      'path:id',
      'query:category',
      'query:partner',
      'query:from',
      'query:to',
      'query:undated',
      'query:q',
      'query:nonGovernmental',
      'query:multilateral',
      'query:region',
      'query:status',
    ]);
    expect(list.responses['400']).toBeDefined();
    const country = doc.paths['/api/v1/datasets/{id}/countries/{code}']!.get!;
    expect(country.parameters.map((p) => p.name)).toEqual(['id', 'code']);
  });

  it('documents revert with If-Match, force and its 409 naming the fields; revisions carry their diff', () => {
    const revert = doc.paths['/api/v1/agreements/{id}/revert']!.post!;
    expect(revert.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:id',
      'header:If-Match',
      'header:X-Change-Reason',
    ]);
    expect(Object.keys(revert.responses)).toEqual(expect.arrayContaining(['200', '204', '409', '428']));
    const body = doc.components.schemas.Revert as { properties: Record<string, unknown> };
    expect(Object.keys(body.properties).sort()).toEqual(['force', 'revision']);
    const conflict = JSON.stringify(doc.components.schemas.RevertConflict);
    expect(conflict).toContain('"fields"');
    expect(conflict).toContain('changed_later');
    const list = JSON.stringify(doc.components.schemas.RecordRevisionList);
    expect(list).toContain('"diff"');
    expect(doc.paths['/api/v1/notes/{id}/revert']!.post!.parameters.map((p) => p.name)).toContain('If-Match');
  });

  // Generated clients name their functions after operationId (see README.md here for the naming scheme); an
  // operation added without one fails here, named.
  it('names every operation: an operationId, camelCase and unique', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        where: `${method.toUpperCase()} ${path}`,
        id: (op as { operationId?: unknown }).operationId,
      })),
    );
    const missing = operations.filter((o) => typeof o.id !== 'string').map((o) => o.where);
    expect(
      missing,
      'operations without an operationId (name them: see src/server/openapi/README.md)',
    ).toEqual([]);
    const ids = operations.map((o) => o.id as string);
    expect(
      ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id)),
      'not camelCase',
    ).toEqual([]);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      'used twice',
    ).toEqual([]);
    const byWhere = Object.fromEntries(operations.map((o) => [o.where, o.id]));
    expect(byWhere).toMatchObject({
      'GET /api/v1/datasets': 'listDatasets',
      'GET /api/v1/datasets/{id}': 'getDataset',
      'GET /api/v1/datasets/{id}/agreements': 'listAgreements',
      'GET /api/v1/agreements/{id}': 'getAgreement',
      'PATCH /api/v1/agreements/{id}': 'updateAgreement',
      'POST /api/v1/agreements/{id}/revert': 'revertAgreement',
      'POST /api/v1/session': 'createSession',
      'GET /api/v1/datasets/{id}/export.csv': 'exportDatasetCsv',
    });
  });

  it('declares security on every operation: none for public reads and the login, cookie + CSRF for changes', () => {
    const undeclared: string[] = [];
    const publicOps: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const security = (op as { security?: unknown[] }).security;
        if (!Array.isArray(security)) undeclared.push(`${method} ${path}`);
        else if (security.length === 0) publicOps.push(`${method} ${path}`);
        else if (method !== 'get') expect(security, `${method} ${path}`).toEqual([{ session: [], csrf: [] }]);
      }
    }
    expect(undeclared).toEqual([]);
    expect(publicOps.sort()).toEqual(
      [
        ...ROUTES.map((r) => `get ${r}`),
        'post /api/v1/session',
        'post /api/v1/datasets/{id}/suggestions',
      ].sort(),
    );
    expect((doc as unknown as { servers: unknown }).servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('only refers to schemas it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined();
  });
});
