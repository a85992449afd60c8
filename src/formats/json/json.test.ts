import { describe, expect, it } from 'vitest';
import { loadDataset, readBytes, SEED_TXT } from '../../../test/fixtures/index.ts';
import { planImport } from '../../core/diff.ts';
import {
  type Agreement,
  type CountryNote,
  type DatasetDocument,
  DOCUMENT_SCHEMA,
} from '../../core/schemas.ts';
import { serializeCsv } from '../csv/serializeCsv.ts';
import { parseFile } from '../parseFile.ts';
import { serializeJson } from './serializeJson.ts';

const dataset = loadDataset();
const seed = await parseFile(readBytes(SEED_TXT), 'seed.txt', dataset);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The seed as a stored dataset would export it: ids assigned by the import plan, fixed timestamps. */
function seedDocument(): DatasetDocument {
  const plan = planImport({ agreements: [], notes: [] }, seed);
  const at = '2024-01-02T03:04:05.000Z';
  const meta = { dataset: dataset.id, createdAt: at, updatedAt: at, version: 1 };
  const agreements: Agreement[] = plan.added.map((a) => ({ ...a.content, id: a.id, ...meta }));
  const notes: CountryNote[] = plan.notes.added.map((n) => ({ ...n.content, id: n.id, ...meta }));
  // Reverse order in, sorted order out.
  return { schema: DOCUMENT_SCHEMA, dataset, agreements: agreements.reverse(), notes };
}

describe('JSON dataset document', () => {
  const doc = seedDocument();
  const json = serializeJson(doc);

  it("is written with the schema's key order, 2-space indent, a trailing newline and records sorted by id", () => {
    expect(json.endsWith('}\n')).toBe(true);
    expect(
      json.startsWith(
        '{\n  "schema": "accord-atlas/dataset@1",\n  "dataset": {\n    "id": "cis-india-cyber",',
      ),
    ).toBe(true);
    const parsed = JSON.parse(json) as DatasetDocument;
    expect(Object.keys(parsed)).toEqual(['schema', 'dataset', 'agreements', 'notes']);
    expect(Object.keys(parsed.agreements[0]!)).toEqual([
      'category',
      'partners',
      'title',
      'date',
      'summary',
      'sources',
      'flags',
      'status',
      'id',
      'dataset',
      'createdAt',
      'updatedAt',
      'version',
    ]);
    const ids = parsed.agreements.map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('does not depend on the key order it was given', () => {
    const shuffled = JSON.parse(json, (_k, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      return Object.fromEntries(Object.entries(v).reverse());
    }) as DatasetDocument;
    expect(serializeJson(shuffled)).toBe(json);
  });

  it('round trip: serialize → parse → serialize is identical, with ids, and the content equals the seed', async () => {
    const back = await parseFile(enc(json), 'doc.json', dataset);
    expect(back.errors).toEqual([]);
    expect(back.format).toBe('json');
    expect(back.dataset).toEqual(dataset);
    expect(back.document).toBeDefined();
    expect(serializeJson(back.document!)).toBe(json);
    expect(back.agreements.every((a) => typeof a.id === 'string')).toBe(true);
    const withoutIds = back.agreements.map(({ id: _id, ...rest }) => rest);
    expect(new Set(withoutIds.map((a) => JSON.stringify(a)))).toEqual(
      new Set(seed.agreements.map((a) => JSON.stringify(a))),
    );
    // The CSV of the JSON import keeps the ids and re-imports the same way.
    const csv = serializeCsv(dataset, back.agreements, back.notes);
    const again = await parseFile(enc(csv), 'doc.csv', dataset);
    expect(serializeCsv(dataset, again.agreements, again.notes)).toBe(csv);
  });

  it('validation problems name the JSON path and the record id', async () => {
    const bad = JSON.parse(json) as { agreements: Array<Record<string, unknown>> };
    const first = bad.agreements[0]!;
    (first.sources as Array<{ url: string }>)[0]!.url = 'javascript:alert(1)';
    first.category = 'treaty';
    const r = await parseFile(enc(JSON.stringify(bad)), 'bad.json', dataset);
    expect(r.agreements).toEqual([]);
    expect(r.errors).toContainEqual(
      expect.objectContaining({
        line: null,
        column: 'agreements[0].sources[0].url',
        message: expect.stringContaining(`record "${String(first.id)}"`),
      }),
    );
  });

  it('a NUL character (\\u0000) in any text is an error naming its path (PostgreSQL cannot store it)', async () => {
    const bad = JSON.parse(json) as { agreements: Array<Record<string, unknown>> };
    bad.agreements[2]!.title = 'a title\u0000 with a NUL';
    const r = await parseFile(enc(JSON.stringify(bad)), 'nul.json', dataset);
    expect(r.agreements).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        column: 'agreements[2].title',
        message: expect.stringMatching(/NUL character/),
      }),
    ]);
  });

  it('an unknown category or the focal country as partner is an error naming the path', async () => {
    const bad = JSON.parse(json) as { agreements: Array<{ category: string; partners: string[] }> };
    bad.agreements[1]!.category = 'treaty';
    bad.agreements[2]!.partners = ['IN'];
    const r = await parseFile(enc(JSON.stringify(bad)), 'bad.json', dataset);
    expect(r.errors.map((e) => e.column)).toEqual(['agreements[1].category', 'agreements[2].partners[0]']);
  });

  it('broken JSON is an error with the line of the mistake; another JSON is refused', async () => {
    const broken = json.replace('"title": "', '"title" "');
    const r = await parseFile(enc(broken), 'broken.json', dataset);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.line).toBe(broken.split('\n').findIndex((l) => l.includes('"title" "')) + 1);
    const other = await parseFile(enc('{"type":"FeatureCollection","features":[]}'), 'x.json', dataset);
    expect(other.errors[0]).toMatchObject({
      column: 'schema',
      message: expect.stringMatching(/not an Accord Atlas dataset document/),
    });
  });
});
