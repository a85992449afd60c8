import { describe, expect, it } from 'vitest';
import { bombRow, xlsxBomb, xlsxBombBytes } from '../../test/fixtures/xlsxBomb.ts';
import { loadShippedConfig } from '../shipped/index.ts';
import { zipLimitProblem } from './cappedUnzip.ts';
import { DEFAULT_LIMITS, uploadLimits } from './limits.ts';
import { parseFile } from './parseFile.ts';

// Files that would take the memory or the time of everyone else are refused fast, naming the limit passed.

const dataset = await loadShippedConfig();

async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('upload limits', () => {
  it('reads each limit from its variable, and refuses a value that is not one', () => {
    expect(uploadLimits({})).toEqual(DEFAULT_LIMITS);
    expect(uploadLimits({ ATLAS_MAX_ROWS: '10', ATLAS_MAX_UNZIPPED_BYTES: '20MB' })).toMatchObject({
      rows: 10,
      unzippedBytes: 20 * 1024 * 1024,
    });
    expect(() => uploadLimits({ ATLAS_MAX_ROWS: 'lots' })).toThrow(/ATLAS_MAX_ROWS="lots" is not a limit/);
  });

  it('refuses the 205 KB workbook that unzips to 200 MB within 2 s, memory flat', async () => {
    const bomb = xlsxBombBytes();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const rss = process.memoryUsage().rss;
    const start = performance.now();
    const parsed = await parseFile(bomb, 'bomb.xlsx', dataset);
    const ms = performance.now() - start;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.message).toMatch(
      /sheet1\.xml unzips to more than 100 MB \(ATLAS_MAX_UNZIPPED_ENTRY_BYTES\).*raise ATLAS_MAX_UNZIPPED_ENTRY_BYTES/,
    );
    expect(ms).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
  }, 120_000);

  it('counts a sheet’s rows while unzipping, and all parts together', async () => {
    const thin = xlsxBomb(40 * 1024 * 1024, bombRow(1, 10));
    expect(await zipLimitProblem(thin, DEFAULT_LIMITS)).toMatch(/more than 250,000 \(ATLAS_MAX_ROWS\) rows/);
    const fat = xlsxBomb(12 * 1024 * 1024);
    expect(await zipLimitProblem(fat, DEFAULT_LIMITS)).toBeNull();
    expect(await zipLimitProblem(fat, { ...DEFAULT_LIMITS, unzippedBytes: 10 * 1024 * 1024 })).toMatch(
      /unzips to more than 10 MB \(ATLAS_MAX_UNZIPPED_BYTES\)/,
    );
    expect(await zipLimitProblem(fat, { ...DEFAULT_LIMITS, zipEntries: 3 })).toMatch(
      /more than 3 \(ATLAS_MAX_ZIP_ENTRIES\) parts/,
    );
  });

  it('caps the records of a CSV before parsing them, and the characters of a cell', async () => {
    const csv = `country,mlat\n${'France,yes\n'.repeat(50)}`;
    const rows = await withEnv({ ATLAS_MAX_ROWS: '20' }, () =>
      parseFile(new TextEncoder().encode(csv), 'big.csv', dataset),
    );
    expect(rows.errors[0]!.message).toMatch(/more than 20 \(ATLAS_MAX_ROWS\) rows/);
    const quoted = `country,mlat\n"France\nstill France",yes\n`;
    const ok = await withEnv({ ATLAS_MAX_ROWS: '2' }, () =>
      parseFile(new TextEncoder().encode(quoted), 'q.csv', dataset),
    );
    expect(ok.errors.map((e) => e.message).join()).not.toMatch(/ATLAS_MAX_ROWS/);
    const long = `country,mlat\nFrance,"${'y'.repeat(40_000)}"\n`;
    const cell = await parseFile(new TextEncoder().encode(long), 'long.csv', dataset);
    expect(cell.errors[0]).toMatchObject({ line: 2 });
    expect(cell.errors[0]!.message).toMatch(
      /40,000 characters, over the limit of 32,767 \(ATLAS_MAX_CELL_CHARS\)/,
    );
  });
});
