import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, NAME_SHIM } from '../../test/e2e/harness.ts';
import { waitForMap } from '../../test/e2e/mapPage.ts';
import { startStaticServer } from '../../test/e2e/staticServer.ts';

// First load of the baked page as Chromium really makes it: everything it requests from a plain static server
// (which sends the precompressed .gz), summed as sent. HTML, JS, CSS, geometry and data all count; nothing is
// in a cache beforehand.

export type TransferResult = {
  /** Bytes sent for every file of the first load (gzip where a .gz exists). */
  totalGzipBytes: number;
  /**
   * The map geometry of the first load: the geometry asset if the page downloads one, plus the map the page
   * carries in its HTML (the <svg> and the #atlas-map unit table), gzipped on its own.
   */
  geometryGzipBytes: number;
  /** Of that, the map in the HTML, gzipped on its own. */
  inlineGeometryGzipBytes: number;
  files: Array<{ path: string; bytes: number; gzip: boolean }>;
};

/** The map the page carries: its <svg> element and the unit table the script reads it back with. */
export async function inlineGeometryBytes(siteDir: string): Promise<number> {
  const html = await readFile(join(siteDir, 'index.html'), 'utf8');
  const svg = /<svg class="aa-map"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  const table = /<script type="application\/json" id="atlas-map">[^<]*<\/script>/.exec(html)?.[0] ?? '';
  return svg === '' && table === '' ? 0 : gzipSync(svg + table, { level: 9 }).length;
}

export async function measureTransfer(siteDir: string): Promise<TransferResult> {
  const server = await startStaticServer(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await waitForMap(page);
    await page.waitForLoadState('networkidle');
    await context.close();
    const files = server.log
      .filter((r) => r.status === 200)
      .map((r) => ({ path: r.path, bytes: r.bytes, gzip: r.gzip }));
    const asset = files.filter((f) => /world[^/]*\.json$/.test(f.path)).reduce((n, f) => n + f.bytes, 0);
    const inline = await inlineGeometryBytes(siteDir);
    return {
      totalGzipBytes: files.reduce((n, f) => n + f.bytes, 0),
      geometryGzipBytes: asset + inline,
      inlineGeometryGzipBytes: inline,
      files,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
