import { describe, expect, it } from 'vitest';
import { fixture, loadDataset, readBytes } from '../../test/fixtures/index.ts';
import { computeStats } from '../core/stats.ts';
import { serializeCsv } from './csv/serializeCsv.ts';
import { serializeGeoJson } from './geojson/serializeGeoJson.ts';
import { parseFile } from './parseFile.ts';

// A second dataset (focal country Brazil, categories "trade" by records and "extradition" by partners) is
// configuration only: the same code reads and counts it.

const dataset = loadDataset(fixture('second-dataset', 'dataset.json'));

describe('a second dataset', () => {
  it('parses its normalized CSV and counts by its own rules', async () => {
    const r = await parseFile(
      readBytes(fixture('second-dataset', 'agreements.csv')),
      'agreements.csv',
      dataset,
    );
    expect(r.errors).toEqual([]);
    expect(r.agreements).toHaveLength(9);
    expect(r.notes).toEqual([
      {
        country: 'AO',
        text: 'Negotiations reported in the press; no text found.',
        sources: [
          {
            url: 'https://example.org/notes/ao',
            title: '',
            archivedUrl: null,
            lastChecked: null,
            httpStatus: null,
          },
        ],
      },
    ]);
    const stats = computeStats(dataset, r.agreements);
    expect(stats.counts).toEqual({ trade: 5, extradition: 3 });
    expect(stats.records).toEqual({ trade: 5, extradition: 4 });
    expect(stats.partners).toBe(9);
  });

  it('reads names, several partners, a label as category, aligned source titles and a neutralized formula', async () => {
    const r = await parseFile(
      readBytes(fixture('second-dataset', 'agreements.csv')),
      'agreements.csv',
      dataset,
    );
    const [ar, cl, , , mercosur] = r.agreements;
    expect(ar?.sources.map((s) => [s.url, s.title])).toEqual([
      ['https://example.org/trade/ar', 'Treaty text'],
      ['https://example.org/trade/ar-annex', 'Annex'],
    ]);
    expect(ar?.flags.multilateral).toBe(true);
    expect(ar?.status).toBe('in-force');
    expect(cl?.partners).toEqual(['CL']);
    expect(cl?.date).toEqual({ text: '21 Nov 2018', year: 2018, month: 11, day: 21 });
    expect(mercosur?.partners).toEqual(['UY', 'PY']);
    expect(mercosur?.summary).toBe('=SUM(A1) looks like a formula');
    expect(r.agreements.at(-1)?.category).toBe('extradition');
    // India is an ordinary partner here; the export writes its rows back the same way.
    const csv = serializeCsv(dataset, r.agreements, r.notes);
    const again = await parseFile(new TextEncoder().encode(csv), 'again.csv', dataset);
    expect(serializeCsv(dataset, again.agreements, again.notes)).toBe(csv);
    expect(JSON.parse(serializeGeoJson(dataset, r.agreements, r.notes)).features).toHaveLength(9);
  });

  it('Brazil, the focal country, cannot be a partner', async () => {
    const csv = 'category,partners,source_urls\r\ntrade,Brazil,https://example.org/x\r\n';
    const r = await parseFile(new TextEncoder().encode(csv), 'x.csv', dataset);
    expect(r.errors).toEqual([
      { line: 2, column: 'partners', message: expect.stringMatching(/dataset's own country \(BR\)/) },
    ]);
  });
});
