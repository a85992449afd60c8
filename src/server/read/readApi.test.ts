import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, DatasetDocument } from '../../core/schemas.ts';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';

// Every public read route against a real, seeded database. Expected numbers are the seed's headline
// (39 / 54 / 10, 56 partners) or are recomputed here from the document, independently of the filter code.

const DS = 'cis-india-cyber';

type Json = Record<string, unknown>;

const has = (a: Agreement, code: string): boolean => (a.partners as string[]).includes(code);

describe.each(testDatabases('readapi'))('read API on $dialect', (factory) => {
  let t: SeededApp;
  let doc: DatasetDocument;
  const get = async (path: string, init?: RequestInit): Promise<Response> => t.app.request(path, init);
  const json = async (path: string): Promise<Json> => {
    const res = await get(path);
    expect(res.status, `${path}: ${res.status}`).toBe(200);
    return (await res.json()) as Json;
  };
  const listed = async (query: string): Promise<{ agreements: Agreement[]; total: number; stats: Json }> =>
    (await json(`/api/v1/datasets/${DS}/agreements${query}`)) as never;

  beforeAll(async () => {
    t = await seededApp(factory);
    doc = (await json(`/api/v1/datasets/${DS}/document`)) as unknown as DatasetDocument;
  });
  afterAll(async () => t?.close());

  it('reports health and the dialect', async () => {
    expect(await json('/healthz')).toEqual({ status: 'ok', database: factory.dialect });
  });

  it('lists the seeded dataset with the headline counts', async () => {
    const body = (await json('/api/v1/datasets')) as {
      datasets: Array<Json & { stats: Json; categories: Json[] }>;
    };
    expect(body.datasets).toHaveLength(1);
    const d = body.datasets[0]!;
    expect(d.id).toBe(DS);
    expect(d.stats.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    expect(d.stats.partners).toBe(56);
    expect(d.categories.map((c) => c.id)).toEqual(['mlat', 'mou', 'framework']);
    expect(typeof d.lastUpdated).toBe('string');
  });

  it('gives one dataset with its configuration and stats', async () => {
    const body = (await json(`/api/v1/datasets/${DS}`)) as { dataset: Json; stats: Json };
    expect(body.dataset.focalCountry).toBe('IN');
    expect(body.stats).toMatchObject({ counts: { mlat: 39, mou: 54, framework: 10 }, partners: 56 });
  });

  it('serves the whole document, matching the seed', async () => {
    expect(doc.schema).toBe('accord-atlas/dataset@1');
    expect(doc.dataset.id).toBe(DS);
    expect(doc.agreements.filter((a) => a.category === 'mou')).toHaveLength(54);
    expect(doc.agreements.filter((a) => a.category === 'framework')).toHaveLength(10);
    expect(doc.notes.length).toBeGreaterThan(0);
  });

  it('lists all agreements unfiltered', async () => {
    const body = await listed('');
    expect(body.total).toBe(doc.agreements.length);
    expect(body.agreements).toHaveLength(body.total);
    expect(body.stats).toMatchObject({ counts: { mlat: 39, mou: 54, framework: 10 }, partners: 56 });
  });

  it('filters by category', async () => {
    const body = await listed('?category=mou,framework');
    expect(body.total).toBe(64);
    expect(body.stats.counts).toEqual({ mlat: 0, mou: 54, framework: 10 });
    const repeated = await listed('?category=mou&category=framework');
    expect(repeated.total).toBe(64);
  });

  it('filters by partner, any case', async () => {
    const expected = doc.agreements.filter((a) => has(a, 'SG') || has(a, 'JP'));
    expect(expected.length).toBeGreaterThan(0);
    const body = await listed('?partner=sg,JP');
    expect(body.total).toBe(expected.length);
    expect(body.agreements.every((a) => a.partners.some((p) => p === 'SG' || p === 'JP'))).toBe(true);
  });

  it('filters by year range, with and without undated records', async () => {
    const inRange = doc.agreements.filter(
      (a) => a.date.year !== null && a.date.year >= 2015 && a.date.year <= 2016,
    );
    const undated = doc.agreements.filter((a) => a.date.year === null);
    expect(inRange.length).toBeGreaterThan(0);
    const strict = await listed('?from=2015&to=2016&undated=false');
    expect(strict.total).toBe(inRange.length);
    expect(
      strict.agreements.every((a) => a.date.year !== null && a.date.year >= 2015 && a.date.year <= 2016),
    ).toBe(true);
    const withUndated = await listed('?from=2015&to=2016');
    expect(withUndated.total).toBe(inRange.length + undated.length);
  });

  it('searches free text, folding case', async () => {
    const body = await listed('?q=SINGAPORE');
    expect(body.total).toBeGreaterThan(0);
    expect(
      body.agreements.every((a) => has(a, 'SG') || JSON.stringify(a).toLowerCase().includes('singapore')),
    ).toBe(true);
    expect((await listed('?q=zzzz-no-such-text')).total).toBe(0);
  });

  it('splits the set by the non-governmental flag', async () => {
    const only = await listed('?nonGovernmental=only');
    const exclude = await listed('?nonGovernmental=exclude');
    expect(only.total).toBe(doc.agreements.filter((a) => a.flags.nonGovernmental).length);
    expect(only.total + exclude.total).toBe(doc.agreements.length);
    expect(only.agreements.every((a) => a.flags.nonGovernmental)).toBe(true);
    const multi = await listed('?multilateral=only');
    expect(multi.total).toBe(doc.agreements.filter((a) => a.flags.multilateral).length);
  });

  it('filters by region', async () => {
    const europe = await listed('?region=europe');
    expect(europe.total).toBeGreaterThan(0);
    expect(europe.agreements.some((a) => has(a, 'FR'))).toBe(true);
    expect(europe.agreements.some((a) => has(a, 'SG'))).toBe(false);
  });

  it('answers bad parameters with 400 naming the parameter', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?from=abc', /"from".*four-digit year/],
      ['?category=nope', /"category".*"nope".*allowed: mlat, mou, framework/],
      ['?from=2016&to=2015', /"to".*not be before from \(2016\)/],
      ['?partner=ZZ', /"partner".*"ZZ"/],
      ['?partner=SGP', /"partner".*alpha-2/],
      ['?undated=yes', /"undated".*true or false/],
      ['?nonGovernmental=maybe', /"nonGovernmental".*include, exclude or only/],
      ['?region=Atlantis', /"region".*"Atlantis".*allowed: .*Europe/],
      ['?status=pending', /"status".*signed, in-force, terminated, under-negotiation/],
      ['?catgory=mlat', /unknown parameter "catgory"; allowed: category/],
    ];
    for (const [query, message] of cases) {
      const res = await get(`/api/v1/datasets/${DS}/agreements${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message, query).toMatch(message);
    }
  });

  it('gives a country with agreements grouped by category and its notes', async () => {
    const body = (await json(`/api/v1/datasets/${DS}/countries/sg`)) as {
      country: Json;
      agreements: Record<string, Agreement[]>;
      notes: unknown[];
    };
    expect(body.country).toEqual({ iso2: 'SG', name: 'Singapore', region: 'Asia' });
    expect(Object.keys(body.agreements)).toEqual(['mlat', 'mou', 'framework']);
    const all = Object.values(body.agreements).flat();
    expect(all.length).toBe(doc.agreements.filter((a) => has(a, 'SG')).length);
    for (const [cat, list] of Object.entries(body.agreements))
      expect(list.every((a) => a.category === cat)).toBe(true);
    const noted = doc.notes[0]!;
    const withNote = (await json(`/api/v1/datasets/${DS}/countries/${noted.country}`)) as { notes: Json[] };
    expect(withNote.notes.map((n) => n.id)).toContain(noted.id);
  });

  it('answers unknown ids and codes with 404 and a message', async () => {
    for (const path of [
      '/api/v1/datasets/nope',
      '/api/v1/datasets/nope/agreements',
      '/api/v1/datasets/nope/document',
      `/api/v1/datasets/${DS}/countries/QQ`,
      `/api/v1/datasets/${DS}/countries/singapore`,
      '/api/v1/agreements/no-such-agreement',
      '/api/v1/agreements/Bad_Id',
      '/api/v1/nothing-here',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message.length, path).toBeGreaterThan(10);
    }
    const page = await get('/no/such/page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('gives one agreement with its version as ETag, and 304 on a match', async () => {
    const a = doc.agreements[0]!;
    const res = await get(`/api/v1/agreements/${a.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${a.version}"`);
    expect(((await res.json()) as Agreement).id).toBe(a.id);
    const again = await get(`/api/v1/agreements/${a.id}`, { headers: { 'If-None-Match': `"${a.version}"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('offers downloads with a file name', async () => {
    const csv = await get(`/api/v1/datasets/${DS}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${DS}.csv"`);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(doc.agreements.length);

    const geo = await get(`/api/v1/datasets/${DS}/export.geojson`);
    expect(geo.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const fc = (await geo.json()) as { type: string; features: unknown[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(56);

    const exported = await get(`/api/v1/datasets/${DS}/export.json`);
    expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="${DS}.json"`);
    expect((await exported.json()) as unknown).toEqual(doc);
    expect((await get(`/api/v1/datasets/${DS}/export.xml`)).status).toBe(404);
  });

  it('serves its OpenAPI document', async () => {
    const body = await json('/api/v1/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths as Json)).toContain('/api/v1/datasets/{id}/agreements');
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await get(`/api/v1/datasets/${DS}/document`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\//);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(10_000);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves the pre-rendered page for the default dataset, by id and as an embed', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(
      /<h1[^>]*>Mapping of India(&#39;|')s Cyber Security-Related Bilateral Agreements<\/h1>/,
    );
    expect(html).toMatch(/data-testid="legend-count-mlat">39</);
    expect(html).toMatch(/data-testid="legend-count-mou">54</);
    expect(html).toMatch(/data-testid="legend-count-framework">10</);
    expect(await (await get('/embed/')).text()).toContain('data-embed="1"');
    expect((await get(`/d/${DS}/`)).status).toBe(200);
    const redirect = await get(`/d/${DS}`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`/d/${DS}/`);
    expect((await get('/d/nope/')).status).toBe(404);
  });

  // Last: it changes records the tests above compare with the document.
  it('filters by status (?status=in-force,signed), any case', async () => {
    const [first, second] = doc.agreements;
    await t.store.updateAgreement(
      first!.id,
      first!.version,
      { status: 'in-force' },
      { actor: 't', reason: '' },
    );
    await t.store.updateAgreement(
      second!.id,
      second!.version,
      { status: 'signed' },
      { actor: 't', reason: '' },
    );
    const both = await listed('?status=in-force,Signed');
    expect(both.agreements.map((a) => a.id).sort()).toEqual([first!.id, second!.id].sort());
    expect((await listed('?status=in-force')).agreements.map((a) => a.id)).toEqual([first!.id]);
    const unknown = await listed('?status=unknown');
    expect(unknown.total).toBe(doc.agreements.length - 2);
    await t.store.updateAgreement(
      first!.id,
      first!.version + 1,
      { status: 'unknown' },
      { actor: 't', reason: '' },
    );
    await t.store.updateAgreement(
      second!.id,
      second!.version + 1,
      { status: 'unknown' },
      { actor: 't', reason: '' },
    );
  });
});
