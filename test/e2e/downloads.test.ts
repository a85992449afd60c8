import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asCategoryId, asCountryCode, asDatasetId } from '../../src/core/ids.ts';
import {
  type AgreementsAnswer,
  type AtlasServer,
  BUILD_TIMEOUT,
  DESKTOP,
  type DocumentAnswer,
  describeBrowser,
  ensureBuilt,
  type GuardedPage,
  launchBrowser,
  openPage,
  startAtlas,
} from './harness.ts';
import { describeProblems, waitForMap } from './mapPage.ts';

// Each download of the current selection, captured as the browser saves it and read back: the data files
// hold exactly the selected records (formula-safe), the images carry title, legend and credit.

// A record that would run as a formula in a spreadsheet if exported carelessly.
const FORMULA_SUMMARY = '=HYPERLINK("http://127.0.0.1/x","click")';
const FORMULA_TITLE = '@SUM(1+1)';
const DANGEROUS = /^[=+\-@\t\r]/;

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describeBrowser('map page: downloads of the current selection', () => {
  let server: AtlasServer;
  let browser: Browser;
  let p: GuardedPage;
  let selection: AgreementsAnswer;
  let doc: DocumentAnswer;
  let svgText = '';

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
    await server.running.store.createAgreement(
      asDatasetId(server.datasetId),
      {
        category: asCategoryId('mou'),
        partners: [asCountryCode('SG')],
        title: FORMULA_TITLE,
        date: { text: '2016', year: 2016, month: null, day: null },
        summary: FORMULA_SUMMARY,
        sources: [],
        flags: { nonGovernmental: false, multilateral: false, mentionsOnly: false },
        status: 'unknown',
      },
      { actor: 'e2e', reason: 'formula-safety check' },
    );
    // The server re-reads a changed dataset within a second.
    const deadline = Date.now() + 10_000;
    while ((await server.api<AgreementsAnswer>(`/datasets/${server.datasetId}/agreements`)).total !== 104) {
      if (Date.now() > deadline) throw new Error('the server never showed the added agreement');
      await new Promise((r) => setTimeout(r, 200));
    }
    selection = await server.api<AgreementsAnswer>(`/datasets/${server.datasetId}/agreements?category=mou`);
    doc = await server.api<DocumentAnswer>(`/datasets/${server.datasetId}/document`);
    p = await openPage(browser, DESKTOP);
    await p.page.goto(`${server.url}/?cat=mou`);
    await waitForMap(p.page);
    await p.page.getByTestId('open-download').click();
    await p.page.getByTestId('download-dialog').waitFor();
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  it('CSV: one row per selected agreement (plus the notes on those partners), formula-safe', async () => {
    const { name, bytes } = await download(p.page, 'download-csv');
    expect(name).toMatch(/\.csv$/);
    const rows = parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    const agreements = rows.filter((r) => r.kind === 'agreement');
    expect(agreements.map((r) => r.id).sort()).toEqual(selection.agreements.map((a) => a.id).sort());
    const partners = new Set(selection.agreements.flatMap((a) => a.partners));
    const notes = rows.filter((r) => r.kind === 'note');
    expect(notes.length).toBe(doc.notes.filter((n) => partners.has(n.country)).length);
    const planted = agreements.find((r) => r.summary?.includes('HYPERLINK'));
    expect(planted?.summary).toBe(`'${FORMULA_SUMMARY}`);
    expect(planted?.title).toBe(`'${FORMULA_TITLE}`);
    const unsafe = rows.flatMap((r) => Object.values(r)).filter((v) => DANGEROUS.test(v));
    expect(unsafe).toEqual([]);
  });

  it('XLSX: readable, the same rows, every cell text (no formula)', async () => {
    const { name, bytes } = await download(p.page, 'download-xlsx');
    expect(name).toMatch(/\.xlsx$/);
    const sheets = await readXlsxFile(bytes);
    const table = sheets[0]!.data;
    const header = table[0]!.map(String);
    const kind = header.indexOf('kind');
    const id = header.indexOf('id');
    const summary = header.indexOf('summary');
    const agreementRows = table.slice(1).filter((r) => r[kind] === 'agreement');
    expect(agreementRows.map((r) => String(r[id])).sort()).toEqual(
      selection.agreements.map((a) => a.id).sort(),
    );
    const planted = agreementRows.find((r) => String(r[summary] ?? '').includes('HYPERLINK'));
    expect(planted?.[summary]).toBe(`'${FORMULA_SUMMARY}`);
    const unsafe = table.flat().filter((v) => typeof v === 'string' && DANGEROUS.test(v));
    expect(unsafe).toEqual([]);
  });

  it('JSON: a dataset document holding exactly the selection', async () => {
    const { bytes } = await download(p.page, 'download-json');
    const json = JSON.parse(bytes.toString('utf8')) as DocumentAnswer;
    expect(json.schema).toBe('accord-atlas/dataset@1');
    expect(json.dataset.id).toBe(server.datasetId);
    expect(json.agreements.map((a) => a.id).sort()).toEqual(selection.agreements.map((a) => a.id).sort());
  });

  it('GeoJSON: one point feature per partner of the selection', async () => {
    const { bytes } = await download(p.page, 'download-geojson');
    const geo = JSON.parse(bytes.toString('utf8')) as {
      type: string;
      features: Array<{ id: string; geometry: { type: string; coordinates: number[] } | null }>;
    };
    expect(geo.type).toBe('FeatureCollection');
    const partners = new Set(
      selection.agreements.flatMap((a) => a.partners).filter((c) => c !== doc.dataset.focalCountry),
    );
    expect(geo.features.length).toBe(partners.size);
    for (const f of geo.features) {
      if (f.geometry === null) continue;
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    }
  });

  it('SVG: a well-formed image with title, legend and credit line', async () => {
    const { name, bytes } = await download(p.page, 'download-svg');
    expect(name).toMatch(/\.svg$/);
    svgText = bytes.toString('utf8');
    const parsed = await p.page.evaluate((s) => {
      const d = new DOMParser().parseFromString(s, 'image/svg+xml');
      return {
        error: d.querySelector('parsererror')?.textContent ?? null,
        root: d.documentElement.tagName,
        text: d.documentElement.textContent ?? '',
        countries: d.querySelectorAll('[data-iso2]').length,
      };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(svgText).toMatch(/<title[^>]*>[^<]*Bilateral Agreements/);
    expect(parsed.text).toContain(doc.dataset.title);
    for (const c of doc.dataset.categories) expect(parsed.text).toContain(c.label);
    expect(parsed.text).toContain(`${selection.stats.counts.mou}`);
    // The key of the map's colours: each combination drawn, with its number of countries.
    // (MoUs only here: every partner of the selection has that one combination.)
    expect(parsed.text).toContain(`MoUs only (${selection.stats.partners} countries)`);
    expect(parsed.text).toContain(doc.dataset.license.name);
    for (const credit of doc.dataset.credits) expect(parsed.text).toContain(credit.name);
    expect(parsed.countries).toBeGreaterThan(200);
    // Self-contained: nothing in it is fetched from elsewhere.
    expect(svgText).not.toMatch(/(?:href|src)="https?:/);
  });

  it('PNG: a real PNG at twice the SVG size', async () => {
    const { name, bytes } = await download(p.page, 'download-png');
    expect(name).toMatch(/\.png$/);
    const size = pngSize(bytes);
    const w = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svgText)?.[1]);
    const h = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svgText)?.[1]);
    expect(w).toBeGreaterThan(0);
    expect(size).toEqual({ width: Math.round(w * 2), height: Math.round(h * 2) });
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(describeProblems(p.guard.blocked, p.problems.errors)).toBe('');
  });
});
