import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintOpenApi } from '../../../scripts/openapi-lint.ts';
import { openapiTypes, TYPES_FILE } from '../../../scripts/openapi-types.ts';
import { ROOT } from '../../../test/fixtures/index.ts';
import type { paths } from '../../../test/fixtures/openapi/api.generated.ts';
import { publishVersion } from '../../bake/publishVersion.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';
import { buildOpenApi } from './openapi.ts';

// The OpenAPI document as a client author meets it: Redocly CLI's recommended rules pass with 0 errors; every
// operation has an operationId and a security declaration; the types openapi-typescript generates from it are the
// committed ones (so this file, which `npm run typecheck` checks, is typed by them); and an openapi-fetch client
// typed by them reads the real answers of a real server, on every dialect.

const DS = 'cis-india-cyber';

describe('the OpenAPI document for client generators', () => {
  it('passes Redocly CLI’s recommended rules with 0 errors', () => {
    const { totals, report } = lintOpenApi();
    expect(totals.errors, report).toBe(0);
  }, 60_000);

  it('names every operation and declares its security; lists a server', () => {
    const doc = buildOpenApi() as {
      servers: unknown[];
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
    };
    expect(doc.servers.length).toBeGreaterThan(0);
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ where: `${method} ${path}`, ...op })),
    );
    expect(ops.filter((o) => !o.operationId).map((o) => o.where)).toEqual([]);
    expect(ops.filter((o) => !Array.isArray(o.security)).map((o) => o.where)).toEqual([]);
    expect(ops.find((o) => o.where === 'get /api/v1/datasets/{id}/versions')).toMatchObject({
      operationId: 'listVersions',
      security: [],
    });
  });

  it('generates the committed client types (npm run openapi:types)', async () => {
    expect(await openapiTypes()).toBe(readFileSync(`${ROOT}/${TYPES_FILE}`, 'utf8'));
  }, 60_000);
});

describe.each(testDatabases('client'))(
  'a generated client against the real server on $dialect',
  (factory) => {
    let s: SeededApp;
    let client: ReturnType<typeof createClient<paths>>;
    beforeAll(async () => {
      s = await seededApp(factory);
      await publishVersion({ store: s.store, by: 'test', note: 'for the client' });
      client = createClient<paths>({
        baseUrl: 'http://atlas.test',
        fetch: async (req: Request) => s.app.fetch(req),
      });
    });
    afterAll(async () => s?.close());

    it('reads datasets, filtered agreements, versions and a frozen document, typed', async () => {
      const list = await client.GET('/api/v1/datasets');
      expect(list.response.status).toBe(200);
      expect(list.data?.datasets.map((d) => d.id)).toContain(DS);

      const one = await client.GET('/api/v1/datasets/{id}', { params: { path: { id: DS } } });
      expect(one.data?.stats.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });

      const mous = await client.GET('/api/v1/datasets/{id}/agreements', {
        params: { path: { id: DS }, query: { category: 'mou', partner: 'SG' } },
      });
      expect(mous.data?.agreements.every((a) => a.category === 'mou' && a.partners.includes('SG'))).toBe(
        true,
      );
      expect(mous.data?.total).toBeGreaterThan(0);

      const versions = await client.GET('/api/v1/datasets/{id}/versions', { params: { path: { id: DS } } });
      const v1 = versions.data?.versions[0];
      expect(v1?.number).toBe(1);
      expect(v1?.note).toBe('for the client');
      expect(v1?.changes.added.length).toBe(103);

      const frozen = await client.GET('/api/v1/datasets/{id}/versions/{n}/document', {
        params: { path: { id: DS, n: '1' } },
      });
      expect(frozen.data?.agreements.length).toBe(103);
      expect(frozen.data?.dataset.lastPublished).toBe(v1?.publishedAt);

      const missing = await client.GET('/api/v1/datasets/{id}', { params: { path: { id: 'nope' } } });
      expect(missing.response.status).toBe(404);
      expect(missing.error).toMatchObject({ error: { code: 'not_found' } });
    });
  },
);
