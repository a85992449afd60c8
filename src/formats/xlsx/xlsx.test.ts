import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadDataset, readBytes, SEED_TXT, tempDir } from '../../../test/fixtures/index.ts';
import { computeStats } from '../../core/stats.ts';
import { serializeCsv } from '../csv/serializeCsv.ts';
import { parseFile } from '../parseFile.ts';
import { serializeXlsx } from './serializeXlsx.ts';

const dataset = loadDataset();
const seed = await parseFile(readBytes(SEED_TXT), 'seed.txt', dataset);

/** The seed's .txt as a workbook, row for row (prose and blank lines included), written with write-excel-file. */
async function seedWorkbook(
  transform?: (cells: string[], line: number) => Array<string | Date>,
): Promise<Uint8Array> {
  const lines = readFileSync(SEED_TXT, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const data = lines.map((l, i) => {
    const cells = transform ? transform(l.split('\t'), i + 1) : l.split('\t');
    return cells.map((v) =>
      v instanceof Date
        ? { value: v, type: Date, format: 'mmm yyyy' }
        : v === ''
          ? null
          : { value: v, type: String },
    );
  });
  const buf = await writeXlsxFile(data, { sheet: 'Mapping' }).toBuffer();
  const path = join(tempDir(), 'seed.xlsx');
  writeFileSync(path, buf);
  return new Uint8Array(readFileSync(path));
}

describe('XLSX', () => {
  it('the seed layout as .xlsx gives the same records, lines and counts as the .txt', async () => {
    const r = await parseFile(await seedWorkbook(), 'seed.xlsx', dataset);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('seed');
    expect(r.container).toBe('xlsx');
    expect(r.agreements).toEqual(seed.agreements);
    expect(r.notes).toEqual(seed.notes);
    expect(r.lines).toEqual(seed.lines);
    expect(r.warnings).toEqual(seed.warnings);
    expect(computeStats(dataset, r.agreements).counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
  });

  it('Excel date cells (Date objects) are read as dates, as precise as their format shows', async () => {
    // Australia's "Aug 2015" stored as a real date cell.
    const bytes = await seedWorkbook((cells) =>
      cells[0] === 'Australia' ? cells.map((c, i) => (i === 3 ? new Date(Date.UTC(2015, 7, 1)) : c)) : cells,
    );
    const r = await parseFile(bytes, 'seed.xlsx', dataset);
    const au = r.agreements.find((a) => a.partners[0] === 'AU' && a.category === 'mou');
    // The cell's format "mmm yyyy" has no day: the date is a month, as the .txt says, and the same record.
    expect(au?.date).toEqual({ text: 'Aug 2015', year: 2015, month: 8, day: null });
    expect(r.agreements).toEqual(seed.agreements);
  });

  it('reads the first sheet that has a header row, after an intro sheet; a serial-number date is a date', async () => {
    const text = (v: string) => ({ value: v, type: String });
    const intro = [[text('About this workbook')], [text('Data is on the next sheet.')]];
    const table = [
      ['COUNTRY', 'MLAT', 'MOU', 'DATES', 'COMMENTS', 'FRAMEWORK'].map(text),
      [
        text('Chile'),
        null,
        text('http://example.org/cl'),
        { value: 42217, type: Number },
        text('An MoU'),
        null,
      ],
    ];
    const buf = await writeXlsxFile([
      { sheet: 'Intro', data: intro },
      { sheet: 'Data', data: table },
    ]).toBuffer();
    const r = await parseFile(new Uint8Array(buf), 'book.xlsx', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements).toHaveLength(1);
    expect(r.agreements[0]?.date).toMatchObject({ year: 2015, month: 8, day: 1 });
    expect(r.lines.agreements).toEqual([2]);
  });

  it('the normalized export: every cell is text, formula-like cells neutralized, and it imports back to the same CSV', async () => {
    const evil = { ...seed.agreements[0]!, summary: '=1+2', title: '@SUM(A1)' };
    const agreements = [evil, ...seed.agreements.slice(1)];
    const bytes = await serializeXlsx(dataset, agreements, seed.notes);
    const path = join(tempDir(), 'export.xlsx');
    writeFileSync(path, bytes);
    const sheets = await readXlsxFile(path);
    expect(sheets.map((s) => s.sheet)).toEqual(['Agreements', 'About']);
    const rows = sheets[0]!.data;
    expect(rows[0]?.slice(0, 4)).toEqual(['kind', 'id', 'category', 'partners']);
    expect(rows[1]?.[8]).toBe("'=1+2");
    expect(rows[1]?.[5]).toBe("'@SUM(A1)");
    expect(rows.flat().every((v) => v === null || typeof v === 'string')).toBe(true);
    const back = await parseFile(new Uint8Array(readFileSync(path)), 'export.xlsx', dataset);
    expect(back.errors).toEqual([]);
    expect(back.format).toBe('csv');
    expect(back.container).toBe('xlsx');
    expect(back.agreements).toEqual(agreements);
    expect(serializeCsv(dataset, back.agreements, back.notes)).toBe(
      serializeCsv(dataset, agreements, seed.notes),
    );
    // Round trip through XLSX is stable.
    const again = await serializeXlsx(dataset, back.agreements, back.notes);
    const back2 = await parseFile(again, 'again.xlsx', dataset);
    expect(back2.agreements).toEqual(back.agreements);
  });
});
