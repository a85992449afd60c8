import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../core/schemas.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type RunningServer, startServer } from '../index.ts';
import { type TestDatabase, testDatabases } from '../testing.ts';

// What another researcher would do with the API: generate types from the served document with
// openapi-typescript, write a client with openapi-fetch, typecheck it with tsc (strict; its @ts-expect-error
// lines prove the types are precise, not `any`), and run it against a real server on a free port: reads,
// a login, a PATCH with CSRF and If-Match, and a stale PATCH answered 409. On both dialects.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ADMIN = { email: 'client@example.org', password: 'a client generated from the document' };

// The program a client author writes; every call is typed by the generated paths.
const CLIENT = `import createClient from 'openapi-fetch';
import type { components, paths } from './api.d.ts';

type Agreement = components['schemas']['Agreement'];

const [baseUrl, email, password] = process.argv.slice(2) as [string, string, string];
const api = createClient<paths>({ baseUrl });

function fail(what: string, status: number): never {
  throw new Error(\`\${what}: HTTP \${status}\`);
}

async function main(): Promise<void> {
  const list = await api.GET('/api/v1/datasets');
  if (!list.data) fail('listDatasets', list.response.status);
  const id: string = list.data.datasets[0]!.id;

  const dataset = await api.GET('/api/v1/datasets/{id}', { params: { path: { id } } });
  if (!dataset.data) fail('getDataset', dataset.response.status);
  const stats = dataset.data.stats;
  const total: number = stats.agreements;

  const found = await api.GET('/api/v1/datasets/{id}/agreements', {
    params: { path: { id }, query: { partner: 'US' } },
  });
  if (!found.data) fail('listAgreements', found.response.status);
  const first: Agreement = found.data.agreements[0]!;

  const one = await api.GET('/api/v1/agreements/{id}', { params: { path: { id: first.id } } });
  if (!one.data) fail('getAgreement', one.response.status);
  const version: number = one.data.version;

  const missing = await api.GET('/api/v1/agreements/{id}', { params: { path: { id: 'no-such-agreement' } } });
  const missingCode: string | undefined = missing.error?.error.code;

  const login = await api.POST('/api/v1/session', { body: { email, password } });
  if (!login.data?.csrfToken) fail('createSession', login.response.status);
  const csrf: string = login.data.csrfToken;
  const cookie = (login.response.headers.get('set-cookie') ?? '').split(';')[0]!;

  const title = 'Renamed by a generated client';
  const patched = await api.PATCH('/api/v1/agreements/{id}', {
    params: { path: { id: first.id }, header: { 'If-Match': String(version), 'X-Change-Reason': 'client test' } },
    headers: { cookie, 'X-CSRF-Token': csrf },
    body: { title },
  });
  if (!patched.data) fail('updateAgreement', patched.response.status);

  const stale = await api.PATCH('/api/v1/agreements/{id}', {
    params: { path: { id: first.id }, header: { 'If-Match': String(version) } },
    headers: { cookie, 'X-CSRF-Token': csrf },
    body: { title: 'too late' },
  });

  // The types are precise: each of these is an error tsc must report.
  // @ts-expect-error no such path
  await api.GET('/api/v1/dataset');
  // @ts-expect-error the path parameter is required
  await api.GET('/api/v1/datasets/{id}', {});
  // @ts-expect-error a dataset id is a string
  const wrong: number = list.data.datasets[0]!.id;
  // @ts-expect-error If-Match is required on a change
  await api.PATCH('/api/v1/agreements/{id}', { params: { path: { id: first.id } }, body: { title } });
  void wrong;

  console.log(
    JSON.stringify({
      datasets: list.data.datasets.map((d) => d.id),
      total,
      partners: stats.partners,
      usTotal: found.data.total,
      agreement: { id: first.id, version, title: one.data.title },
      missingStatus: missing.response.status,
      missingCode,
      user: login.data.user?.email,
      patched: { title: patched.data.title, version: patched.data.version, etag: patched.response.headers.get('etag') },
      staleStatus: stale.response.status,
    }),
  );
}

await main();
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    allowImportingTsExtensions: true,
    types: ['node'],
  },
  files: ['client.ts'],
};

function run(
  file: string,
  args: string[],
  cwd = ROOT,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd, maxBuffer: 20 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What a client author does: types from the served document, the program, a strict tsconfig. */
async function writeClient(dir: string, baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  const types = astToString(await openapiTS((await res.json()) as Parameters<typeof openapiTS>[0]));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'api.d.ts'), types);
  writeFileSync(join(dir, 'client.ts'), CLIENT);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  return types;
}

// Inside the project (.tmp is ignored by git) so the client resolves openapi-fetch and @types/node.
const clientDir = (name: string): string => join(ROOT, '.tmp', `openapi-client-${name}-${process.pid}`);

describe.each(testDatabases('openapi_client'))(
  'a client generated from the document, on $dialect',
  (factory) => {
    let db: TestDatabase;
    let server: RunningServer;
    const dir = clientDir(factory.dialect);

    beforeAll(async () => {
      db = await factory.create();
      server = await startServer({ port: 0, hostname: '127.0.0.1', databaseUrl: db.url });
      await server.store.createUser(ADMIN.email, 'admin', await hashPassword(ADMIN.password));
    });
    afterAll(async () => {
      await server?.close();
      await db?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    // The types do not depend on the dialect, so tsc runs once (on the first one, SQLite): it is slow.
    if (factory.dialect === 'sqlite')
      it('typechecks (tsc --noEmit, strict; the @ts-expect-error lines must each be errors)', async () => {
        const types = await writeClient(dir, server.url);
        expect(types).toContain('listDatasets: {');
        expect(types).toContain('updateAgreement: {');
        const tsc = await run(join(ROOT, 'node_modules/typescript/bin/tsc'), [
          '-p',
          join(dir, 'tsconfig.json'),
        ]);
        expect(tsc.stdout + tsc.stderr, 'tsc --noEmit on the client').toBe('');
        expect(tsc.code).toBe(0);
      }, 120_000);

    it('reads the real answers, logs in and edits with CSRF and If-Match', async () => {
      await writeClient(dir, server.url);
      const client = await run('--import', [
        'tsx',
        join(dir, 'client.ts'),
        server.url,
        ADMIN.email,
        ADMIN.password,
      ]);
      expect(client.stderr).toBe('');
      expect(client.code).toBe(0);
      const out = JSON.parse(client.stdout) as {
        datasets: string[];
        total: number;
        partners: number;
        usTotal: number;
        agreement: { id: string; version: number; title: string };
        missingStatus: number;
        missingCode: string;
        user: string;
        patched: { title: string; version: number; etag: string };
        staleStatus: number;
      };

      // What the client read is what the server holds.
      const datasets = await server.store.listDatasets();
      expect(out.datasets).toEqual(datasets.map((d) => d.id));
      const direct = (await (await fetch(`${server.url}/api/v1/datasets/${out.datasets[0]}`)).json()) as {
        stats: { agreements: number; partners: number };
      };
      expect(out.total).toBe(direct.stats.agreements);
      expect(out.total).toBeGreaterThan(100);
      expect(out.partners).toBe(direct.stats.partners);
      expect(out.usTotal).toBeGreaterThan(0);
      expect(out.usTotal).toBeLessThan(out.total);
      expect(out.missingStatus).toBe(404);
      expect(out.missingCode).toBeTruthy();
      expect(out.user).toBe(ADMIN.email);
      // The PATCH landed: a new version, its ETag, and the server now has the new title.
      expect(out.patched.title).toBe('Renamed by a generated client');
      expect(out.patched.version).toBe(out.agreement.version + 1);
      expect(out.patched.etag).toContain(String(out.patched.version));
      const now = (await (
        await fetch(`${server.url}/api/v1/agreements/${out.agreement.id}`)
      ).json()) as Agreement;
      expect(now.title).toBe('Renamed by a generated client');
      expect(out.staleStatus).toBe(409);
    }, 120_000);
  },
);
