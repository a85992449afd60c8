import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadDataset, readBytes, SEED_TXT, tempDir } from '../../../test/fixtures/index.ts';
import { planImport } from '../../core/diff.ts';
import type { Agreement } from '../../core/schemas.ts';
import { parseFile } from '../parseFile.ts';
import { looseStatus } from './seedStatus.ts';

// A seed-layout sheet may carry a "Status" column; its cell is the status of the row's dated record.

const dataset = loadDataset();
const lines = readFileSync(SEED_TXT, 'utf8').split('\n');
const seed = await parseFile(readBytes(SEED_TXT), 'seed.txt', dataset);

/** The seed with a status column appended; `statusOf(first cell, line)` gives the cell of data rows. */
function withStatus(header: string, statusOf: (name: string, line: number) => string): string[][] {
  let inTable = false;
  return lines.map((l, i) => {
    const cells = l.split('\t');
    if (cells[0] === 'COUNTRY') {
      inTable = true;
      return [...cells, header];
    }
    return inTable && l !== '' ? [...cells, statusOf(cells[0] ?? '', i + 1)] : cells;
  });
}

async function asXlsx(rows: string[][]): Promise<Uint8Array> {
  const data = rows.map((r) => r.map((v) => (v === '' ? null : { value: v, type: String })));
  const buf = await writeXlsxFile(data, { sheet: 'Mapping' }).toBuffer();
  const path = join(tempDir(), 'status.xlsx');
  writeFileSync(path, buf);
  return new Uint8Array(readFileSync(path));
}

const tsv = (rows: string[][]): Uint8Array =>
  new TextEncoder().encode(rows.map((r) => r.join('\t')).join('\n'));

describe('the seed layout\'s "Status" column', () => {
  it('matches values loosely', () => {
    expect(looseStatus('In force')).toBe('in-force');
    expect(looseStatus('in-force')).toBe('in-force');
    expect(looseStatus(' SIGNED ')).toBe('signed');
    expect(looseStatus('Under negotiation')).toBe('under-negotiation');
    expect(looseStatus('under_negotiation')).toBe('under-negotiation');
    expect(looseStatus('Terminated')).toBe('terminated');
    expect(looseStatus('')).toBe('unknown');
    expect(looseStatus('pending')).toBeNull();
  });

  it('gives the row\'s dated record its status (XLSX, header "Agreement status"); other records stay unknown', async () => {
    const rows = withStatus('Agreement status', (name) =>
      name === 'Australia' ? 'In force' : name === '' ? 'signed' : name === 'Iran' ? 'Terminated' : '',
    );
    const r = await parseFile(await asXlsx(rows), 'status.xlsx', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements).toHaveLength(seed.agreements.length);
    const au = r.agreements.filter((a) => a.partners[0] === 'AU');
    expect(au.filter((a) => a.category === 'mou').map((a) => a.status)).toEqual(['in-force', 'signed']);
    expect(au.find((a) => a.category === 'mlat')?.status).toBe('unknown');
    // Iran's row has only an MLAT: the status is that record's.
    expect(r.agreements.find((a) => a.partners[0] === 'IR')?.status).toBe('terminated');
  });

  it('an unknown word is an error naming the line, the column and the allowed values', async () => {
    const rows = withStatus('STATUS', (name) => (name === 'Australia' ? 'pending' : ''));
    const r = await parseFile(tsv(rows), 'status.txt', dataset);
    const auLine = lines.findIndex((l) => l.startsWith('Australia\t')) + 1;
    expect(r.errors).toEqual([
      {
        line: auLine,
        column: 'STATUS',
        message: expect.stringMatching(/unknown status "pending".*"in-force".*"under-negotiation"/),
      },
    ]);
  });

  it('a sheet with the column carries status: re-imported over stored records, it changes their status', async () => {
    // The stored records are the seed as imported before (every status unknown); the team then adds the column.
    const stored = seed.agreements.map(
      (a, i): Agreement => ({
        ...a,
        id: `a${i}` as Agreement['id'],
        dataset: dataset.id,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: 1,
      }),
    );
    const rows = withStatus('Status', (name) => (name === 'Germany' ? 'In Force' : ''));
    const r = await parseFile(tsv(rows), 'status.txt', dataset);
    expect(r.errors).toEqual([]);
    expect(r.carries.status).toBe(true);
    const plan = planImport({ agreements: stored, notes: [] }, r, r.carries);
    expect(plan.changed.map((c) => [c.after.partners[0], c.fields])).toEqual([
      ['DE', [{ field: 'status', before: 'unknown', after: 'in-force' }]],
    ]);
    // Without the column the editor's statuses are kept.
    expect(seed.carries.status).toBe(false);
  });

  it('without a status column nothing changes', () => {
    expect(seed.agreements.every((a) => a.status === 'unknown')).toBe(true);
  });
});
