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

/** A Vite build: its config, the folder it writes, the source folders it is built from, and what it is. */
type Bundle = { config: string; manifest: string; sources: readonly string[]; what: string };

const MAP_PAGE: Bundle = {
  config: 'vite.config.ts',
  manifest: MANIFEST,
  sources: ['src/web', 'src/core'],
  what: 'the map page (dist/web)',
};
const EDITOR: Bundle = {
  config: 'vite.editor.config.ts',
  manifest: EDITOR_MANIFEST,
  sources: ['src/editor', 'src/core'],
  what: 'the editor (dist/editor)',
};

async function isCurrent(b: Bundle): Promise<boolean> {
  if (!existsSync(b.manifest)) return false;
  const built = statSync(b.manifest).mtimeMs;
  let sources = statSync(join(PACKAGE_ROOT, b.config)).mtimeMs;
  for (const dir of b.sources) sources = Math.max(sources, await newestMtime(join(PACKAGE_ROOT, dir)));
  return built >= sources;
}

async function ensureBuild(b: Bundle, log: (line: string) => void): Promise<boolean> {
  if (await isCurrent(b)) return false;
  log(`building ${b.what} …`);
  const vite = await import('vite');
  // Always the production bundle, whoever asks: under a test runner NODE_ENV is "test", and the Preact preset
  // then compiles JSX for development (source locations on every element: +4 KB gzip, slower renders), which
  // the next benchmark or bake would find current and measure or ship.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      root: PACKAGE_ROOT,
      configFile: join(PACKAGE_ROOT, b.config),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}

export function webBuildIsCurrent(): Promise<boolean> {
  return isCurrent(MAP_PAGE);
}

/** Builds dist/web with Vite unless it is current. Returns true when it built. */
export function ensureWebBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  return ensureBuild(MAP_PAGE, log);
}

/** Builds dist/editor (the researchers' editor, served at /editor/) unless it is current. */
export function ensureEditorBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  return ensureBuild(EDITOR, log);
}

export function readManifest(webRoot = WEB_ROOT): ViteManifest {
  const path = join(webRoot, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing; build the page with "npm run build"`);
  return JSON.parse(readFileSync(path, 'utf8')) as ViteManifest;
}
