import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { loadDataset, readBytes, SEED_TXT } from '../../test/fixtures/index.ts';
import type * as Browser from './browser.ts';
import { serializeCsv } from './csv/serializeCsv.ts';
import { serializeGeoJson } from './geojson/serializeGeoJson.ts';
import { parseFile } from './parseFile.ts';

// The map page lazily imports browser.ts for its download buttons. This bundles it for the browser (no Node
// built-ins resolvable) and runs the bundle in a bare context with no Buffer, process or require.

const entry = fileURLToPath(new URL('./browser.ts', import.meta.url));
const dataset = loadDataset();
const seed = await parseFile(readBytes(SEED_TXT), 'seed.txt', dataset);

describe('browser-safe serializers', () => {
  it('bundle for the browser without Node modules and run without Node globals, giving the same output', async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'formats',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((p) => /^node:|read-excel-file|write-excel-file|csv-parse|csv-stringify\/lib\//.test(p)),
    ).toEqual([]);
    const code = result.outputFiles[0]!.text;
    const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, URL };
    runInNewContext(`${code}\nthis.formats = formats;`, sandbox);
    expect(sandbox.Buffer).toBeUndefined();
    const lib = sandbox.formats as typeof Browser;
    // Plain JSON through the sandbox boundary, as the page would pass its data.
    const agreements = JSON.parse(JSON.stringify(seed.agreements)) as typeof seed.agreements;
    const notes = JSON.parse(JSON.stringify(seed.notes)) as typeof seed.notes;
    expect(lib.serializeCsv(dataset, agreements, notes)).toBe(
      serializeCsv(dataset, seed.agreements, seed.notes),
    );
    expect(lib.serializeGeoJson(dataset, agreements, notes)).toBe(
      serializeGeoJson(dataset, seed.agreements, seed.notes),
    );
    const sheets = lib.xlsxSheets(dataset, agreements, notes);
    expect(sheets[0]?.data).toHaveLength(seed.agreements.length + seed.notes.length + 1);
  });
});
