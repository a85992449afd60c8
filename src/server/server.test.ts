import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, StartupError, startServer } from './index.ts';
import { type TestDatabase, testDatabases } from './testing.ts';

// The real thing: a listening server on a free port, over real HTTP. (SERVER_TEST_PORT pins the port where
// only some ports may be used.)

const PORT = Number(process.env.SERVER_TEST_PORT ?? 0);

describe.each(testDatabases('listen'))('startServer on $dialect', (factory) => {
  let db: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    db = await factory.create();
    server = await startServer({ port: PORT, databaseUrl: db.url, hostname: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await db?.cleanup();
  });

  it('answers /healthz over HTTP', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: factory.dialect });
  });

  it('seeded the empty database on first start', async () => {
    const res = await fetch(`${server.url}/api/v1/datasets`);
    const body = (await res.json()) as { datasets: Array<{ stats: { counts: object; partners: number } }> };
    expect(body.datasets[0]?.stats).toMatchObject({
      counts: { mlat: 39, mou: 54, framework: 10 },
      partners: 56,
    });
  });

  it('refuses a second server on the same port with a plain message', async () => {
    const err = await startServer({ port: server.port, databaseUrl: db.url, hostname: '127.0.0.1' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toBe(
      `port ${server.port} is already in use; stop the other program or set PORT to a free port`,
    );
  });

  it('refuses an unknown DEFAULT_DATASET', async () => {
    await expect(
      startServer({ port: PORT, databaseUrl: db.url, defaultDataset: 'nope', hostname: '127.0.0.1' }),
    ).rejects.toThrow('DEFAULT_DATASET "nope" is not a dataset here; known: cis-india-cyber');
  });

  it('closes, after which the port no longer answers', async () => {
    const extra = await startServer({
      port: PORT === 0 ? 0 : PORT + 1,
      databaseUrl: db.url,
      hostname: '127.0.0.1',
    });
    const res = await fetch(`${extra.url}/healthz`);
    expect(res.status).toBe(200);
    await res.text();
    await extra.close();
    await expect(fetch(`${extra.url}/healthz`)).rejects.toThrow();
  });
});

describe('startServer configuration mistakes', () => {
  it('names DATABASE_URL when it is wrong', async () => {
    const err = await startServer({ port: 0, databaseUrl: 'mysql://x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^DATABASE_URL uses "mysql:"/);
  });
});
