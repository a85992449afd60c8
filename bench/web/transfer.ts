import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, NAME_SHIM } from '../../test/e2e/harness.ts';
import { waitForMap } from '../../test/e2e/mapPage.ts';
import { startStaticServer } from '../../test/e2e/staticServer.ts';

// First load of the baked page as Chromium really makes it: everything it requests from a plain static server
// (which sends the precompressed .gz), summed as sent. HTML, JS, CSS, geometry and data all count; nothing is
// in a cache beforehand.

export type TransferResult = {
  /** Bytes sent for every file of the first load (gzip where a .gz exists). */
  totalGzipBytes: number;
  /** Bytes sent for the map geometry asset. */
  geometryGzipBytes: number;
  files: Array<{ path: string; bytes: number; gzip: boolean }>;
};

/** The geometry the page preloads (ssr.ts puts it in a `<link rel="preload" as="fetch">`). */
async function geometryPath(siteDir: string): Promise<string | null> {
  const html = await readFile(join(siteDir, 'index.html'), 'utf8');
  const href = /<link rel="preload" href="([^"]+\.json)" as="fetch"/.exec(html)?.[1];
  return href ? new URL(href, 'http://x/').pathname : null;
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
    const geometry = (await geometryPath(siteDir)) ?? '';
    const files = server.log
      .filter((r) => r.status === 200)
      .map((r) => ({ path: r.path, bytes: r.bytes, gzip: r.gzip }));
    const byGeometry = files.filter(
      (f) => f.path === geometry || (!geometry && /world[^/]*\.json$/.test(f.path)),
    );
    return {
      totalGzipBytes: files.reduce((n, f) => n + f.bytes, 0),
      geometryGzipBytes: byGeometry.reduce((n, f) => n + f.bytes, 0),
      files,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
