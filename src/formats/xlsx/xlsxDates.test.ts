import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadDataset } from '../../../test/fixtures/index.ts';
import { parseFile } from '../parseFile.ts';
import { formatPrecision } from './xlsxDateFormats.ts';

// A sheet opened in Excel or LibreOffice and saved as .xlsx has real date cells; the import keeps the precision
// the sheet shows (the cell's number format). Workbooks are written with write-excel-file (its number formats per
// cell), and one is changed with fflate to use Excel's built-in format 17 ("mmm-yy") exactly as Excel stores it.

const dataset = loadDataset();
const text = (value: string) => ({ value, type: String });
const date = (y: number, m: number, d: number, format: string) => ({
  value: new Date(Date.UTC(y, m - 1, d)),
  type: Date,
  format,
});
type XCell = ReturnType<typeof text> | ReturnType<typeof date> | null;
const HEADER = [
  'Country',
  'MLAT',
  'MoUs/ Joint Statements',
  'Date of MoU',
  'Comments',
  'Cyber Frameworks',
].map(text);

async function seedBook(rows: XCell[][]): Promise<Uint8Array> {
  const buf = await writeXlsxFile([HEADER, ...rows]).toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

const mouRow = (country: string, d: XCell): XCell[] => [
  text(country),
  null,
  text(`https://example.org/${country.toLowerCase()}`),
  d,
  text('An MoU'),
  null,
];

/** Uses Excel's built-in format id for every custom "mmm-yy" style, as Excel writes a format picked from its list. */
function withBuiltIn17(book: Uint8Array): Uint8Array {
  const files = unzipSync(book);
  const styles = strFromU8(files['xl/styles.xml']!);
  const id = /<numFmt numFmtId="(\d+)" formatCode="mmm-yy"\/>/.exec(styles)?.[1];
  expect(id).toBeDefined();
  files['xl/styles.xml'] = strToU8(
    styles
      .replace(/<numFmt numFmtId="\d+" formatCode="mmm-yy"\/>/, '')
      .replaceAll(`numFmtId="${id}"`, 'numFmtId="17"'),
  );
  return zipSync(files);
}

describe('workbook dates keep the precision the sheet shows', () => {
  it('reads a number format: without a day it is a month, without a month a year', () => {
    expect(formatPrecision('mmm-yy')).toBe('month');
    expect(formatPrecision('mmmm yyyy;@')).toBe('month');
    expect(formatPrecision('yyyy')).toBe('year');
    expect(formatPrecision('mm/dd/yy')).toBe('day');
    expect(formatPrecision('[$-409]d-mmm-yy;@')).toBe('day');
    expect(formatPrecision('h:mm')).toBeNull();
    expect(formatPrecision('#,##0.00')).toBeNull();
    expect(formatPrecision('General')).toBeNull();
    expect(formatPrecision('0 "days"')).toBeNull();
  });

  it('Excel: "Aug 2015" saved as a date cell formatted mmm-yy (built-in 17) is Aug 2015, not 1 Aug 2015', async () => {
    const book = withBuiltIn17(
      await seedBook([
        mouRow('Australia', date(2015, 8, 1, 'mmm-yy')),
        mouRow('Brazil', date(2016, 1, 1, 'yyyy')),
        mouRow('Chile', date(2016, 3, 14, 'dd/mm/yyyy')),
      ]),
    );
    const r = await parseFile(book, 'sheet.xlsx', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements.map((a) => a.date)).toEqual([
      { text: 'Aug 2015', year: 2015, month: 8, day: null },
      { text: '2016', year: 2016, month: null, day: null },
      { text: '2016-03-14', year: 2016, month: 3, day: 14 },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('LibreOffice: mm/dd/yy on the 1st cannot tell; one warning names the column, its lines and the fix', async () => {
    const r = await parseFile(
      await seedBook([
        mouRow('Australia', date(2015, 8, 1, 'mm/dd/yy')),
        mouRow('Brazil', date(2016, 4, 1, 'mm/dd/yy')),
        mouRow('Chile', date(2016, 3, 14, 'mm/dd/yy')),
      ]),
      'sheet.xlsx',
      dataset,
    );
    expect(r.errors).toEqual([]);
    expect(r.agreements[0]?.date).toMatchObject({ year: 2015, month: 8, day: 1 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ line: 2, column: 'Date of MoU' });
    expect(r.warnings[0]?.message).toMatch(/2 date cells \(lines 2, 3\)/);
    expect(r.warnings[0]?.message).toMatch(/"mm\/dd\/yy"/);
    expect(r.warnings[0]?.message).toMatch(/mmm yyyy/);
  });

  it('a date after today is a warning (LibreOffice turns "May 29" into 29 May of this year)', async () => {
    const next = new Date().getUTCFullYear() + 1;
    const r = await parseFile(
      await seedBook([mouRow('Australia', date(next, 5, 29, 'dd mmm yyyy'))]),
      'sheet.xlsx',
      dataset,
    );
    expect(r.warnings).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'Date of MoU',
        message: expect.stringMatching(/after today/),
      }),
    ]);
  });

  it('the normalized table as a workbook with a month-formatted date column reads months', async () => {
    const header = ['kind', 'category', 'partners', 'date', 'source_urls'].map(text);
    const buf = await writeXlsxFile([
      header,
      [
        text('agreement'),
        text('mou'),
        text('FR'),
        date(2015, 8, 1, 'mmm-yy'),
        text('https://example.org/fr'),
      ],
      [
        text('agreement'),
        text('mou'),
        text('JP'),
        date(2026, 1, 1, 'mm/dd/yy'),
        text('https://example.org/jp'),
      ],
    ]).toBuffer();
    const r = await parseFile(new Uint8Array(buf), 'table.xlsx', dataset);
    expect(r.format).toBe('csv');
    expect(r.agreements[0]?.date).toEqual({ text: 'Aug 2015', year: 2015, month: 8, day: null });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 3, column: 'date' })]);
  });
});

describe('text sheets read as written, whatever their line endings', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('a CSV whose first rows end in CRLF and later rows (appended elsewhere) in LF', async () => {
    const head = 'kind,category,partners,date,summary,source_urls\r\n';
    const crlf = 'agreement,mou,FR,2015-08,"An MoU, quoted",https://example.org/fr\r\n';
    const lf =
      'agreement,mou,JP,2016,"Another ""one""",https://example.org/jp\nagreement,mlat,DE,,,"https://example.org/de\nhttps://example.org/de2"\n';
    const r = await parseFile(enc(head + crlf + lf), 'mixed.csv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements.map((a) => a.partners[0])).toEqual(['FR', 'JP', 'DE']);
    expect(r.agreements[1]?.summary).toBe('Another "one"');
    expect(r.agreements[2]?.sources.map((s) => s.url)).toEqual([
      'https://example.org/de',
      'https://example.org/de2',
    ]);
    expect(r.lines.agreements).toEqual([2, 3, 4]);
  });

  it('the seed layout as CSV and as tab-separated text with mixed line endings', async () => {
    const rows = [
      ['Country', 'MLAT', 'MoUs/ Joint Statements', 'Date of MoU', 'Comments', 'Cyber Frameworks'],
      ['Australia', 'n/a', 'https://example.org/au', 'Aug 2015', 'An MoU', 'n/a'],
      ['Brazil', 'n/a', 'https://example.org/br', 'Mar 2016', 'Another', 'n/a'],
      ['Chile', 'https://example.org/cl', 'n/a', '', 'n/a', 'n/a'],
    ];
    for (const [sep, name] of [
      [',', 'mixed.csv'],
      ['\t', 'mixed.txt'],
    ] as const) {
      const lines = rows.map((r) => r.join(sep));
      const bytes = enc(`${lines.slice(0, 2).join('\r\n')}\r\n${lines.slice(2).join('\n')}\n`);
      const r = await parseFile(bytes, name, dataset);
      expect(r.errors, name).toEqual([]);
      expect(
        r.agreements.map((a) => `${a.partners[0]} ${a.category} ${a.date.text}`),
        name,
      ).toEqual(['AU mou Aug 2015', 'BR mou Mar 2016', 'CL mlat ']);
    }
  });
});
