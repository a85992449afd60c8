import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteManifest } from '../web/ssr.ts';

// The page bundle (dist/web) is built by Vite. `npm start` and `atlas bake` build it when it is missing or older
// than the sources, so a fresh clone needs no separate build step.

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist/web');
export const EDITOR_ROOT = join(PACKAGE_ROOT, 'dist/editor');
const MANIFEST = join(WEB_ROOT, '.vite/manifest.json');
const EDITOR_MANIFEST = join(EDITOR_ROOT, '.vite/manifest.json');

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

export async function webBuildIsCurrent(): Promise<boolean> {
  if (!existsSync(MANIFEST)) return false;
  const built = statSync(MANIFEST).mtimeMs;
  const sources = Math.max(
    await newestMtime(join(PACKAGE_ROOT, 'src/web')),
    await newestMtime(join(PACKAGE_ROOT, 'src/core')),
    statSync(join(PACKAGE_ROOT, 'vite.config.ts')).mtimeMs,
  );
  return built >= sources;
}

/** Builds dist/web with Vite unless it is current. Returns true when it built. */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  if (await webBuildIsCurrent()) return false;
  log('building the map page (dist/web) …');
  const vite = await import('vite');
  await vite.build({
    root: PACKAGE_ROOT,
    configFile: join(PACKAGE_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
  });
  return true;
}

/** Builds dist/editor (the researchers' editor, served at /editor/) unless it is current. */
export async function ensureEditorBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  if (existsSync(EDITOR_MANIFEST)) {
    const built = statSync(EDITOR_MANIFEST).mtimeMs;
    const sources = Math.max(
      await newestMtime(join(PACKAGE_ROOT, 'src/editor')),
      await newestMtime(join(PACKAGE_ROOT, 'src/core')),
      statSync(join(PACKAGE_ROOT, 'vite.editor.config.ts')).mtimeMs,
    );
    if (built >= sources) return false;
  }
  log('building the editor (dist/editor) …');
  const vite = await import('vite');
  await vite.build({
    root: PACKAGE_ROOT,
    configFile: join(PACKAGE_ROOT, 'vite.editor.config.ts'),
    logLevel: 'warn',
  });
  return true;
}

export function readManifest(webRoot = WEB_ROOT): ViteManifest {
  const path = join(webRoot, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing; build the page with "npm run build"`);
  return JSON.parse(readFileSync(path, 'utf8')) as ViteManifest;
}
