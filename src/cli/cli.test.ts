import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, SEED_TXT } from '../../test/fixtures/index.ts';
import type { CountryCode } from '../core/ids.ts';
import { openStore } from '../store/index.ts';
import { run } from './main.ts';
import type { Out } from './output.ts';

// The CLI against real database files (and a real PostgreSQL schema when TEST_DATABASE_URL is set); a few tests
// spawn the real `bin/atlas.mjs` to check the contract a shell sees (exit codes, stdout).

const exec = promisify(execFile);

type Captured = { code: number; stdout: string; stderr: string };

async function atlas(databaseUrl: string, ...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    const code = await run(argv, out);
    return { code, stdout, stderr };
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

async function snapshotDb(databaseUrl: string): Promise<string> {
  const store = await openStore(databaseUrl);
  try {
    const datasets = await store.listDatasets();
    const parts = await Promise.all(
      datasets.map(async (d) => [
        d,
        await store.listAgreements(d.id),
        await store.listNotes(d.id),
        await store.listDatasetRevisions(d.id, 100000),
      ]),
    );
    return JSON.stringify(parts);
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));

describe('atlas stats / resolve / validate on files (no database)', () => {
  it('stats --json on the seed gives the published headline', async () => {
    const r = await atlas(`sqlite:${join(dir, 'unused.db')}`, 'stats', SEED_TXT, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    expect(json.partners).toBe(56);
    expect(Object.keys(json).slice(0, 2)).toEqual(['counts', 'partners']);
  });

  it('resolve --json answers the documented shape for arguments', async () => {
    const r = await atlas('sqlite::memory:', 'resolve', '--json', 'Meixco', 'Korea', 'Burma', 'Atlantis');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Array<{ input: string; iso2: string | null; match: string }>;
    expect(json.map((x) => [x.input, x.iso2, x.match])).toEqual([
      ['Meixco', 'MX', 'fuzzy'],
      ['Korea', null, 'ambiguous'],
      ['Burma', 'MM', 'alias'],
      ['Atlantis', null, 'none'],
    ]);
  });

  it('validate reports the seed’s warnings with line and column and exits 0', async () => {
    const r = await atlas('sqlite::memory:', 'validate', SEED_TXT);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line 60, column "DATES": "May 29" has no year/);
    expect(r.stderr).toMatch(/line 201, column "COUNTRY": "Meixco" read as Mexico/);
  });

  it('usage errors exit 2 with a message', async () => {
    expect((await atlas('sqlite::memory:', 'export', '--format', 'pdf')).code).toBe(2);
    expect((await atlas('sqlite::memory:', 'import')).code).toBe(2);
    expect((await atlas('sqlite::memory:', 'frobnicate')).code).toBe(2);
    const r = await atlas('sqlite::memory:', 'export', '--format', 'pdf');
    expect(r.stderr).toMatch(/use one of: csv, json, geojson, xlsx/);
  });

  it('a missing file is a data error naming the file', async () => {
    const r = await atlas('sqlite::memory:', 'stats', join(dir, 'nope.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.xlsx: file not found/);
  });
});

const databases: Array<[string, () => string]> = [['sqlite', () => `sqlite:${join(dir, 'atlas.db')}`]];
if (process.env.TEST_DATABASE_URL) {
  const schema = `cli_${process.pid}_${Date.now()}`;
  const base = process.env.TEST_DATABASE_URL;
  databases.push(['postgres', () => `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`]);
  afterAll(async () => {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });
} else {
  console.log('PostgreSQL CLI suite skipped: TEST_DATABASE_URL is not set');
}

describe.each(databases)('atlas import / export on %s', (_name, url) => {
  let db: string;
  beforeAll(() => {
    db = url();
  });

  it('--dry-run reports what the seed adds and writes nothing', async () => {
    const before = await snapshotDb(db);
    const r = await atlas(db, 'import', SEED_TXT, '--dry-run', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect([report.added, report.changed, report.removed]).toEqual([103, 0, 0]);
    expect(report.errors).toEqual([]);
    expect(report.warnings.length).toBeGreaterThan(0);
    // The dataset configuration is created on first use; no agreement is written.
    const after = JSON.parse(await snapshotDb(db));
    expect(after.flatMap((p: unknown[]) => p[1] as unknown[])).toEqual([]);
    expect(before).toBeDefined();
  });

  it('stats and export of a database with no dataset write nothing, and stats says why every count is 0', async () => {
    const empty = `sqlite:${join(dir, 'never-filled.db')}`;
    const s = await atlas(empty, 'stats', '--json');
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).counts).toEqual({ mlat: 0, mou: 0, framework: 0 });
    expect(s.stderr).toMatch(/no dataset yet.*atlas import FILE.*DATABASE_URL/);
    const e = await atlas(empty, 'export', '--format', 'json');
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout).agreements).toEqual([]);
    expect(await snapshotDb(empty)).toBe('[]');
  });

  it('imports the seed, then stats of the database gives the headline', async () => {
    const r = await atlas(db, 'import', SEED_TXT, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 103, changed: 0, removed: 0, notes: { added: 6 } });
    const s = JSON.parse((await atlas(db, 'stats', '--json')).stdout);
    expect(s.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    expect(s.partners).toBe(56);
  });

  it('importing the same sheet again changes nothing', async () => {
    const r = JSON.parse((await atlas(db, 'import', SEED_TXT, '--json')).stdout);
    expect([r.added, r.changed, r.removed, r.unchanged]).toEqual([0, 0, 0, 103]);
  });

  it('export → import → export gives identical CSV and JSON files', async () => {
    for (const format of ['csv', 'json']) {
      const first = join(dir, `first-${_name}.${format}`);
      const second = join(dir, `second-${_name}.${format}`);
      expect((await atlas(db, 'export', '--format', format, '--out', first)).code).toBe(0);
      const imp = JSON.parse((await atlas(db, 'import', first, '--json')).stdout);
      expect([imp.added, imp.changed, imp.removed]).toEqual([0, 0, 0]);
      expect((await atlas(db, 'export', '--format', format, '--out', second)).code).toBe(0);
      expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    }
  });

  it('a sheet with a bad row is refused whole: exit 1, errors with line and column, database untouched', async () => {
    const csv = readFileSync(join(dir, `first-${_name}.csv`), 'utf8').split('\r\n');
    // Change one summary (would be a change) and break another row's URL: nothing may be written.
    csv[1] = csv[1]!.replace(/,agreement,/, ',agreement,');
    const lines = csv.map((l, i) => (i === 3 ? l.replace(/https?:\/\/[^\s,"]+/, 'javascript:alert(1)') : l));
    const bad = join(dir, `bad-${_name}.csv`);
    writeFileSync(bad, lines.join('\r\n'));
    const before = await snapshotDb(db);
    const r = await atlas(db, 'import', bad, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.errors[0]).toMatchObject({ line: 4 });
    expect(report.errors[0].message).toMatch(/javascript/);
    expect(await snapshotDb(db)).toBe(before);
  });

  it('every bad input file exits 1 with errors that name the place, and leaves the database as it was', async () => {
    const before = await snapshotDb(db);
    const big = join(dir, `big-${_name}.csv`);
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024 + 1, 0x61));
    const files = [
      ...[
        'empty.csv',
        'blank-lines.csv',
        'image.csv',
        'image.xlsx',
        'text-named.xlsx',
        'impossible-date.tsv',
        'latin1.csv',
        'renamed-column.csv',
        'renamed-seed-column.tsv',
        'unknown-category.csv',
        'unknown-country.tsv',
        'unsafe-urls.tsv',
      ].map((f) => fixture('bad', f)),
      big,
    ];
    for (const file of files) {
      const r = await atlas(db, 'import', file, '--json');
      expect(r.code, file).toBe(1);
      const report = r.stdout ? JSON.parse(r.stdout) : null;
      const messages = report ? report.errors.map((e: { message: string }) => e.message).join(' ') : r.stderr;
      expect(messages.length, file).toBeGreaterThan(10);
      if (/date|country|urls|column|category/.test(file)) {
        expect(
          report.errors.some((e: { line: number | null }) => e.line !== null),
          file,
        ).toBe(true);
      }
    }
    expect(await snapshotDb(db)).toBe(before);
  });

  it('a sheet without some records removes them and says which', async () => {
    const csv = readFileSync(join(dir, `first-${_name}.csv`), 'utf8').split('\r\n');
    const removedId = csv[2]!.split(',')[1];
    const smaller = join(dir, `smaller-${_name}.csv`);
    writeFileSync(smaller, [csv[0], csv[1], ...csv.slice(3)].join('\r\n'));
    const dry = JSON.parse((await atlas(db, 'import', smaller, '--dry-run', '--json')).stdout);
    expect(dry.removedIds).toEqual([removedId]);
    const r = JSON.parse((await atlas(db, 'import', smaller, '--json')).stdout);
    expect(r.removed + r.notes.removed).toBe(1);
  });

  it('the preview binds: names records in its human output; --basis after an edit exits 1 and writes nothing', async () => {
    expect((await atlas(db, 'import', SEED_TXT)).code).toBe(0);
    const sheet = join(dir, `dated-${_name}.txt`);
    writeFileSync(
      sheet,
      readFileSync(SEED_TXT, 'utf8').replace(/^(Germany\t[^\t]*\t[^\t]*\t)Oct 2015\t/m, '$1Nov 2015\t'),
    );
    const human = await atlas(db, 'import', sheet, '--dry-run');
    expect(human.stdout).toContain('Changed: Germany · MoUs · date: Oct 2015 → Nov 2015');
    const dry = JSON.parse((await atlas(db, 'import', sheet, '--dry-run', '--json')).stdout);
    expect(dry.basis).toEqual(expect.any(String));
    expect(dry.changes).toEqual([expect.objectContaining({ category: 'mou', partners: ['DE'] })]);
    expect(human.stdout).toContain(`--basis ${dry.basis}`);

    const store = await openStore(db);
    try {
      const [sg] = await store.listAgreements(dry.dataset, { partners: ['SG' as CountryCode] });
      await store.updateAgreement(sg!.id, sg!.version, { status: 'signed' }, { actor: 'editor', reason: '' });
    } finally {
      await store.close();
    }
    const before = await snapshotDb(db);
    const refused = await atlas(db, 'import', sheet, '--basis', dry.basis);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the dataset changed since the preview');
    expect(await snapshotDb(db)).toBe(before);

    const fresh = JSON.parse((await atlas(db, 'import', sheet, '--dry-run', '--json')).stdout);
    const applied = await atlas(
      db,
      'import',
      sheet,
      '--basis',
      fresh.basis,
      '--reason',
      'MEA dates',
      '--json',
    );
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ changed: 1, dryRun: false });
  });

  it('--dataset and a --config whose id differs: the message names both ids, exit 1, nothing written', async () => {
    const cfg = fixture('second-dataset', 'dataset.json');
    const id = JSON.parse(readFileSync(cfg, 'utf8')).id as string;
    const before = await snapshotDb(db);
    const r = await atlas(
      db,
      'import',
      fixture('second-dataset', 'agreements.csv'),
      '--dataset',
      'my-map',
      '--config',
      cfg,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the configuration ${cfg} is dataset "${id}", not "my-map"`);
    expect(r.stderr).toContain(`--dataset ${id}`);
    expect(await snapshotDb(db)).toBe(before);
  });

  it('a second dataset (another focal country, other categories) imports and counts with no code change', async () => {
    const cfg = fixture('second-dataset', 'dataset.json');
    const id = JSON.parse(readFileSync(cfg, 'utf8')).id as string;
    const r = await atlas(
      db,
      'import',
      fixture('second-dataset', 'agreements.csv'),
      '--dataset',
      id,
      '--config',
      cfg,
      '--json',
    );
    expect(r.code).toBe(0);
    const s = JSON.parse((await atlas(db, 'stats', '--dataset', id, '--json')).stdout);
    expect(s.counts).toEqual({ trade: 5, extradition: 3 });
    // The first dataset is untouched.
    const first = JSON.parse((await atlas(db, 'stats', '--json')).stdout);
    expect(first.dataset).toBe('cis-india-cyber');
  });
});

describe('the real `atlas` binary', () => {
  it('prints stats JSON and exits 0; exits 1 on a bad file; 2 on bad usage', async () => {
    const bin = join(ROOT, 'bin/atlas.mjs');
    const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'bin.db')}` };
    const ok = await exec(process.execPath, [bin, 'stats', SEED_TXT, '--json'], { env });
    expect(JSON.parse(ok.stdout).counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const bad = await exec(process.execPath, [bin, 'import', empty], { env }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/empty/i);
    const usage = await exec(process.execPath, [bin, 'export', '--format', 'doc'], { env }).catch((e) => e);
    expect(usage.code).toBe(2);
  });
});
