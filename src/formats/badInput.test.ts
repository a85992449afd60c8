import { gzipSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { fixture, loadDataset, readBytes } from '../../test/fixtures/index.ts';
import { writeBackup } from '../store/backup.ts';
import { tempStore } from '../store/testing.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { parseFile } from './parseFile.ts';

// Each bad input gives errors (nothing to import), with line and column where there is one, and says what to do.

const dataset = loadDataset();
const read = (name: string): Promise<ReturnType<typeof parseFile> extends Promise<infer T> ? T : never> =>
  parseFile(readBytes(fixture('bad', name)), name, dataset);

describe('bad input', () => {
  it('unknown country on a row with a record: error at line and column; on an empty row: warning', async () => {
    const r = await read('unknown-country.tsv');
    expect(r.errors).toEqual([
      {
        line: 2,
        column: 'COUNTRY',
        message: expect.stringMatching(
          /^"Atlantis" is not a country or territory this tool knows.*write its English name/,
        ),
      },
    ]);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        line: 3,
        column: 'COUNTRY',
        message: expect.stringMatching(/"Narnia".*skipped/),
      }),
    );
  });

  it('the focal country as a partner is an error on a row with a record', async () => {
    const tsv =
      'COUNTRY\tMLAT\tMOU\tDATES\tCOMMENTS\tFRAMEWORK\nIndia\thttp://example.org/in.pdf\tn/a\t\tn/a\tn/a\n';
    const r = await parseFile(new TextEncoder().encode(tsv), 'in.tsv', dataset);
    expect(r.errors).toEqual([
      {
        line: 2,
        column: 'COUNTRY',
        message: expect.stringMatching(/"India" is the dataset's own country \(IN\).*move these agreements/),
      },
    ]);
  });

  it('javascript:, data: and relative URLs are errors naming line and column', async () => {
    const r = await read('unsafe-urls.tsv');
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'MLAT AGREEMENT'],
      [3, 'MOUs/ JOINT STATEMENTS WITH INDIA'],
      [4, 'CYBER FRAMEWORKS WITH INDIA'],
    ]);
    expect(r.errors[0]?.message).toMatch(/"javascript:" URLs are not allowed/);
    expect(r.errors[1]?.message).toMatch(/"data:" URLs are not allowed/);
    expect(r.errors[2]?.message).toMatch(/not an absolute URL; write it in full, starting with https:\/\//);
  });

  it('an impossible date is an error naming line and column', async () => {
    const r = await read('impossible-date.tsv');
    expect(r.errors).toEqual([
      {
        line: 2,
        column: 'DATES',
        message: expect.stringMatching(/"2016-02-30" is not a real date.*write a real date/),
      },
      { line: 3, column: 'DATES', message: expect.stringMatching(/"31 April 2016" is not a real date/) },
    ]);
  });

  it('a renamed seed column is an error naming the category, the expected text and the headers found', async () => {
    const r = await read('renamed-seed-column.tsv');
    expect(r.errors).toEqual([
      {
        line: 1,
        column: null,
        message: expect.stringMatching(
          /no column for category "MLAT": expected a header containing "MLAT" or "MUTUAL LEGAL ASSISTANCE"; the headers are "COUNTRY", "TREATIES"/,
        ),
      },
    ]);
  });

  it('a file that is no table at all says what a header must look like', async () => {
    const r = await parseFile(new TextEncoder().encode('Name,Value\nfoo,bar\n'), 'random.csv', dataset);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(
      /no table found: the seed layout needs a header row whose first cell is "COUNTRY"/,
    );
    expect(r.errors[0]?.message).toMatch(/"category" and "partners"/);
  });

  it('an empty file, or one with only blank lines, is an error', async () => {
    for (const name of ['empty.csv', 'blank-lines.csv']) {
      const r = await read(name);
      expect(r.errors).toEqual([
        { line: null, column: null, message: expect.stringMatching(/^the file is empty/) },
      ]);
    }
  });

  it('a binary file (NUL bytes) named .csv is refused; named .xlsx it is "not an .xlsx workbook"', async () => {
    const csv = await read('image.csv');
    expect(csv.errors[0]?.message).toMatch(/binary file \(it contains NUL bytes\).*save the sheet as \.xlsx/);
    const xlsx = await read('image.xlsx');
    expect(xlsx.errors[0]?.message).toMatch(/not an \.xlsx workbook/);
    const text = await read('text-named.xlsx');
    expect(text.errors[0]?.message).toMatch(/this file is text, not an \.xlsx workbook/);
  });

  it("a backup given to import (plain or gzip'd) is refused saying it is a backup and to use atlas restore", async () => {
    const t = await tempStore('sqlite');
    let text = '';
    try {
      await writeBackup(t.store, async (line) => {
        text += line;
      });
    } finally {
      await t.dispose();
    }
    for (const [name, bytes] of [
      ['atlas.jsonl', strToU8(text)],
      ['atlas.jsonl.gz', gzipSync(strToU8(text))],
      ['atlas-backup.json', strToU8(text)],
    ] as const) {
      const r = await parseFile(bytes, name, dataset);
      expect(r.agreements, name).toEqual([]);
      expect(r.errors, name).toHaveLength(1);
      expect(r.errors[0]?.message, name).toMatch(/Accord Atlas backup.*atlas restore/);
    }
  });

  it('a workbook cell holding a NUL character (_x0000_) is an error at its line, nothing imported', async () => {
    const rows = [
      ['kind', 'category', 'partners', 'summary', 'source_urls'],
      ['agreement', 'mou', 'FR', 'fine', 'https://example.org/fr'],
      ['agreement', 'mou', 'DE', 'PLACEHOLDER', 'https://example.org/de'],
    ].map((r) => r.map((value) => ({ value, type: String })));
    const parts = unzipSync(new Uint8Array(await writeXlsxFile(rows).toBuffer()));
    const name = Object.keys(parts).find((k) => /sharedStrings\.xml$/.test(k)) ?? 'xl/worksheets/sheet1.xml';
    // Excel writes a control character in a cell as _xHHHH_; read-excel-file decodes it.
    parts[name] = strToU8(strFromU8(parts[name]!).replace('PLACEHOLDER', 'a_x0000_b'));
    const r = await parseFile(zipSync(parts), 'nul.xlsx', dataset);
    expect(r.agreements).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringMatching(/cell 4 .*NUL character/) }),
    ]);
  });

  it('a LibreOffice .ods or an Apple Numbers file is refused saying what it is and how to save it', async () => {
    // An ODS package starts with its uncompressed "mimetype" entry, as LibreOffice writes it.
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    });
    for (const name of ['sheet.ods', 'sheet.xlsx']) {
      const r = await parseFile(ods, name, dataset);
      expect(r.errors[0]?.message).toMatch(/LibreOffice.*\(\.ods\).*Save As.*\.xlsx/);
    }
    const numbers = zipSync({ 'Index/Document.iwa': new Uint8Array([1, 2, 3]) });
    expect((await parseFile(numbers, 'sheet.numbers', dataset)).errors[0]?.message).toMatch(
      /Apple Numbers.*Export To/,
    );
  });

  it('a ZIP that is not a workbook is refused without a stack trace', async () => {
    // A minimal empty ZIP archive: "PK\x03\x04" local header of an empty stored file, then the end record.
    const name = new TextEncoder().encode('a.txt');
    const local = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      10,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      name.length,
      0,
      0,
      0,
      ...name,
    ]);
    const r = await parseFile(local, 'fake.xlsx', dataset);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/the workbook cannot be read .*save it again as \.xlsx/);
  });

  it('an old .xls workbook or a malformed UTF-16 text is refused with how to save it', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await parseFile(ole, 'old.csv', dataset)).errors[0]?.message).toMatch(
      /Excel 97-2003.*save it as \.xlsx/,
    );
    // A lone high surrogate (0xD800) cannot be UTF-16 text.
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x0a, 0x00]);
    expect((await parseFile(utf16, 'u16.txt', dataset)).errors[0]?.message).toMatch(
      /not valid UTF-16 text; save it as UTF-8/,
    );
  });

  it('non-UTF-8 text is an error with its line that says "save as UTF-8" (no guessing)', async () => {
    const r = await read('latin1.csv');
    expect(r.agreements).toEqual([]);
    expect(r.errors).toEqual([
      {
        line: 3,
        column: null,
        message: expect.stringMatching(/not UTF-8 text \(byte 0xF4.*Save it as UTF-8/),
      },
    ]);
  });

  it('a file over MAX_FILE_BYTES (50 MB) is refused before parsing, naming the limit', async () => {
    expect(MAX_FILE_BYTES).toBe(50 * 1024 * 1024);
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    const started = performance.now();
    const r = await parseFile(big, 'huge.csv', dataset);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.errors).toEqual([
      { line: null, column: null, message: expect.stringMatching(/over the limit of 50\.0 MB/) },
    ]);
  });

  it('an unclosed quote in a CSV names the line where the broken cell starts', async () => {
    const csv = 'category,partners,summary\r\nmou,FR,ok\r\nmou,DE,"never closed\r\nmou,IT,x\r\n';
    const r = await parseFile(new TextEncoder().encode(csv), 'q.csv', dataset);
    expect(r.errors).toEqual([
      { line: 3, column: null, message: expect.stringMatching(/quoted cell starting here is never closed/) },
    ]);
  });
});
