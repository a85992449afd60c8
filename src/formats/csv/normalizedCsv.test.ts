import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixture, loadDataset, readBytes, SEED_TXT, tempDir } from '../../../test/fixtures/index.ts';
import { computeStats } from '../../core/stats.ts';
import { parseFile } from '../parseFile.ts';
import { NORMALIZED_COLUMNS, neutralizeFormula, restoreFormula } from './columns.ts';
import { normalizedRows } from './normalizedRows.ts';
import { serializeCsv } from './serializeCsv.ts';

const dataset = loadDataset();
const seed = await parseFile(readBytes(SEED_TXT), 'seed.txt', dataset);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('normalized CSV export', () => {
  const csv = serializeCsv(dataset, seed.agreements, seed.notes);

  it('has the documented columns in order, CRLF line ends and no BOM', () => {
    expect(csv.startsWith(`${NORMALIZED_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('a cell with a line break is quoted, so a spreadsheet program (or a strict reader) keeps the row whole', () => {
    // Read with LF as well as CRLF as row ends: an unquoted multi-line cell would split its row.
    const rows = parse(csv, { record_delimiter: ['\r\n', '\n'], relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(seed.agreements.length + seed.notes.length + 1);
    expect(rows.every((r) => r.length === NORMALIZED_COLUMNS.length)).toBe(true);
    expect(csv).toMatch(/"https?:\/\/[^"\r\n]+\nhttps?:/);
  });

  it('one row per record: agreements, then notes; partners as codes with names beside them', () => {
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(seed.agreements.length + seed.notes.length);
    expect(rows.filter((r) => r.kind === 'note')).toHaveLength(6);
    const bd = rows.find((r) => r.partners === 'BD' && r.date_text === 'Apr 2017');
    expect(bd?.partner_names).toBe('Bangladesh');
    expect(bd?.source_urls?.split('\n')).toHaveLength(2);
    expect(bd?.date).toBe('2017-04');
    const au = rows.find((r) => r.partners === 'AU' && r.category === 'mlat');
    expect(au?.date).toBe('');
    expect(au?.non_governmental).toBe('false');
  });

  it('round trip: seed → CSV → parse → CSV is identical, and the records are equal', async () => {
    const back = await parseFile(enc(csv), 'export.csv', dataset);
    expect(back.format).toBe('csv');
    expect(back.errors).toEqual([]);
    expect(back.agreements).toEqual(seed.agreements);
    expect(back.notes).toEqual(seed.notes);
    expect(serializeCsv(dataset, back.agreements, back.notes)).toBe(csv);
    expect(computeStats(dataset, back.agreements).counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
  });

  it('line numbers are the physical line where a record starts (multi-line cells included)', async () => {
    const back = await parseFile(enc(csv), 'export.csv', dataset);
    const physical = csv.split(/\r?\n/);
    // The US framework comes after Bangladesh's two-URL cell, so its record starts one physical line further down.
    const i = back.agreements.findIndex((a) => a.partners[0] === 'US' && a.category === 'framework');
    const line = back.lines.agreements[i]!;
    expect(physical[line - 1]).toMatch(/^agreement,,framework,US,United States,/);
    expect(line).toBeGreaterThan(i + 2); // earlier multi-line cells push it down
  });
});

describe('formula injection', () => {
  it('neutralizes = + - @ tab and CR on export and restores them exactly on import', () => {
    for (const v of [
      '=SUM(A1)',
      '+1',
      '-x',
      '@me',
      '\tx',
      '\rx',
      "'=already",
      "''+two",
      'plain',
      "'plain",
      '',
    ]) {
      expect(restoreFormula(neutralizeFormula(v))).toBe(v);
    }
    expect(neutralizeFormula('=1+2')).toBe("'=1+2");
    expect(neutralizeFormula("'=1")).toBe("''=1");
    expect(neutralizeFormula('a=b')).toBe('a=b');
  });

  it('a summary that starts with "=" is written with an apostrophe and comes back unchanged', async () => {
    const a = { ...seed.agreements[0]!, summary: '=HYPERLINK("http://evil.example","click")', title: '-5' };
    const csv = serializeCsv(dataset, [a], []);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(normalizedRows(dataset, [a], [])[1]?.[5]).toBe("'-5");
    const back = await parseFile(enc(csv), 'f.csv', dataset);
    expect(back.agreements[0]?.summary).toBe(a.summary);
    expect(back.agreements[0]?.title).toBe('-5');
  });
});

describe('normalized CSV import', () => {
  it('reads a hand-made file: names or codes as partners, typos reported, BOM accepted, flags and status words', async () => {
    const bytes = readBytes(fixture('normalized-sample.csv'));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const r = await parseFile(withBom, 'sample.csv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('csv');
    const [au, mx, kr] = r.agreements;
    expect(au?.id).toBe('mou-au-abc1234');
    expect(au?.sources.map((s) => s.title)).toEqual(['Joint statement', 'Brewster paper']);
    expect(au?.summary).toBe('Signed a framework: "operational" cooperation');
    expect(au?.date).toEqual({ text: 'Aug 2015', year: 2015, month: 8, day: null });
    expect(au?.status).toBe('signed');
    expect(mx?.partners).toEqual(['MX']);
    expect(mx?.summary).toBe('-Dash comment');
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        line: 5,
        column: 'partners',
        message: expect.stringMatching(/^"Meixco" read as Mexico/),
      }),
    );
    expect(kr?.partners).toEqual(['KR']);
    expect(kr?.flags).toEqual({ nonGovernmental: false, multilateral: false, mentionsOnly: true });
    expect(kr?.status).toBe('in-force');
    expect(kr?.date).toEqual({ text: 'May 29', year: null, month: null, day: null });
    expect(r.notes).toEqual([
      { country: 'HR', text: 'MoU on IT but nothing on cyber security', sources: [] },
    ]);
    expect(r.lines.notes).toEqual([7]);
  });

  it('missing optional columns default; the date column wins over a contradicting date_text, with a warning', async () => {
    const csv =
      'category,partners,date,date_text,source_urls\r\nmou,FR,2016-01,Feb 2016,http://example.org/fr\r\n';
    const r = await parseFile(enc(csv), 'min.csv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements[0]).toMatchObject({
      title: '',
      summary: '',
      status: 'unknown',
      date: { text: '2016-01', year: 2016, month: 1, day: null },
    });
    expect(r.warnings).toContainEqual(expect.objectContaining({ line: 2, column: 'date_text' }));
  });

  it('a missing required column is an error naming it and listing the headers found', async () => {
    const r = await parseFile(readBytes(fixture('bad/renamed-column.csv')), 'renamed-column.csv', dataset);
    expect(r.agreements).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'partners',
        message: expect.stringMatching(/missing column "partners".*"partner"/),
      }),
    ]);
  });

  it('unknown and empty categories are errors naming the allowed ids', async () => {
    const r = await parseFile(
      readBytes(fixture('bad/unknown-category.csv')),
      'unknown-category.csv',
      dataset,
    );
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'category',
        message: expect.stringMatching(/unknown category "treaty"; use one of: mlat, mou, framework/),
      }),
      expect.objectContaining({
        line: 3,
        column: 'category',
        message: expect.stringMatching(/no category; write one of: mlat, mou, framework/),
      }),
    ]);
  });

  it('duplicate ids, a bad flag, a bad status and the focal country are errors with line and column', async () => {
    const csv = [
      'kind,id,category,partners,non_governmental,status,source_urls',
      'agreement,mou-x,mou,FR,maybe,ratified,http://example.org/1',
      'agreement,mou-x,mou,India,false,,http://example.org/2',
    ].join('\r\n');
    const r = await parseFile(enc(csv), 'bad.csv', dataset);
    const at = r.errors.map((e) => `${e.line}:${e.column}`);
    expect(at).toEqual(expect.arrayContaining(['2:non_governmental', '2:status', '3:id', '3:partners']));
  });

  it('an export appended to with LF rows and ending in an empty line, as an editor saves it, reads whole', async () => {
    // The export's CRLF rows, then rows added in an editor that writes LF (quoted multi-line source cells in
    // both), then the empty line such editors leave at the end: the mixed reading must still win.
    const lines = serializeCsv(dataset, seed.agreements, seed.notes).split('\r\n');
    const half = Math.floor(lines.length / 2);
    const text = `${lines.slice(0, half).join('\r\n')}\r\n${lines.slice(half).join('\n')}\n`;
    const r = await parseFile(enc(text), 'appended.csv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements).toHaveLength(seed.agreements.length);
    expect(r.notes).toHaveLength(seed.notes.length);
  });

  it('a file written to disk and read back is the same file (real file round trip)', async () => {
    const dir = tempDir();
    const path = join(dir, 'export.csv');
    writeFileSync(path, serializeCsv(dataset, seed.agreements, seed.notes));
    const back = await parseFile(new Uint8Array(readFileSync(path)), path, dataset);
    expect(back.agreements).toHaveLength(seed.agreements.length);
  });
});
