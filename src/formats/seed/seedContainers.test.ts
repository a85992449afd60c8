import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { loadDataset, readBytes, SEED_TXT, tempDir } from '../../../test/fixtures/index.ts';
import { parseFile } from '../parseFile.ts';

// The seed layout arrives as .txt, .tsv or a comma-separated .csv; all give the same records and lines.

const dataset = loadDataset();
const seed = await parseFile(readBytes(SEED_TXT), 'seed.txt', dataset);
const rows = readFileSync(SEED_TXT, 'utf8')
  .split('\n')
  .map((l) => l.split('\t'));

describe('seed layout containers', () => {
  it('as a comma-separated .csv (RFC 4180, quoted commas and quotes, CRLF, with a BOM)', async () => {
    const path = join(tempDir(), 'seed.csv');
    writeFileSync(path, `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`);
    const r = await parseFile(new Uint8Array(readFileSync(path)), path, dataset);
    expect(r.format).toBe('seed');
    expect(r.container).toBe('csv');
    expect(r.errors).toEqual([]);
    expect(r.agreements).toEqual(seed.agreements);
    expect(r.notes).toEqual(seed.notes);
    expect(r.lines).toEqual(seed.lines);
  });

  it('as a .tsv with CRLF line ends, and with no extension at all (sniffed)', async () => {
    const tsv = new TextEncoder().encode(rows.map((r) => r.join('\t')).join('\r\n'));
    for (const name of ['seed.tsv', 'seed']) {
      const r = await parseFile(tsv, name, dataset);
      expect(r.container).toBe('text');
      expect(r.agreements).toEqual(seed.agreements);
      expect(r.lines).toEqual(seed.lines);
    }
  });

  it('a ";"-separated seed CSV (Excel in European locales) is read too', async () => {
    const table = rows.slice(rows.findIndex((r) => r[0] === 'COUNTRY'));
    const text = stringify(table, { delimiter: ';', record_delimiter: 'windows' });
    const r = await parseFile(new TextEncoder().encode(text), 'seed.csv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements).toHaveLength(seed.agreements.length);
  });

  it('a ";"-separated seed CSV with its title rows, and a tab-separated one named .csv, are read too', async () => {
    for (const delimiter of [';', '\t']) {
      const text = stringify(rows, { delimiter, record_delimiter: 'windows' });
      const r = await parseFile(new TextEncoder().encode(text), 'seed.csv', dataset);
      expect(r.errors, JSON.stringify(delimiter)).toEqual([]);
      expect(r.agreements).toEqual(seed.agreements);
    }
  });

  it('as Excel\'s "Unicode Text" (UTF-16 with its byte-order mark, little- or big-endian)', async () => {
    const text = rows.map((r) => r.join('\t')).join('\r\n');
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++)
      new DataView(le.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const be = new Uint8Array(le.length);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++)
      new DataView(be.buffer).setUint16(2 + i * 2, text.charCodeAt(i), false);
    for (const [bytes, name] of [
      [le, 'seed.txt'],
      [be, 'seed.txt'],
      [le, 'seed'],
    ] as const) {
      const r = await parseFile(bytes, name, dataset);
      expect(r.errors).toEqual([]);
      expect(r.agreements).toEqual(seed.agreements);
      expect(r.lines).toEqual(seed.lines);
    }
  });
});
