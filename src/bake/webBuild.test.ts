import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureWebBuild, readManifest, WEB_ROOT } from './webBuild.ts';

// The page bundle is built for production whoever builds it: here under the test runner (NODE_ENV "test"),
// where the Preact preset would otherwise compile JSX for development and every later bake and benchmark
// would find that bundle current.

describe('the page bundle', () => {
  it('is the production build under a test runner too, and leaves NODE_ENV as it was', async () => {
    const before = process.env.NODE_ENV;
    await ensureWebBuild();
    expect(process.env.NODE_ENV).toBe(before);
    const manifest = readManifest();
    const main = Object.values(manifest).find((c) => c.isEntry);
    expect(main, 'an entry chunk in the manifest').toBeDefined();
    const js = readFileSync(join(WEB_ROOT, main!.file), 'utf8');
    // Development JSX passes every element its source location ({ fileName, lineNumber, columnNumber }).
    expect(/columnNumber:|jsxDEV/.test(js)).toBe(false);
    // Minified: a handful of long lines, not one per statement.
    expect(js.split('\n').length).toBeLessThan(50);
  }, 300_000);
});
