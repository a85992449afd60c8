import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/bake/index.ts';

// The bare baseline page (bench/web/bare) built with its own small Vite config into dist/bench-bare/.

export const BARE_ROOT = join(PACKAGE_ROOT, 'dist/bench-bare');
const SOURCES = ['index.html', 'main.ts', 'vite.config.ts'].map((f) =>
  join(PACKAGE_ROOT, 'bench/web/bare', f),
);
const GEOMETRY = join(PACKAGE_ROOT, 'src/web/map/world.generated.json');

/** Builds dist/bench-bare unless it is newer than its sources and the geometry. Returns its folder. */
export async function ensureBareBuild(): Promise<string> {
  const index = join(BARE_ROOT, 'index.html');
  const newest = Math.max(...[...SOURCES, GEOMETRY].map((f) => statSync(f).mtimeMs));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return BARE_ROOT;
  const vite = await import('vite');
  await vite.build({ configFile: join(PACKAGE_ROOT, 'bench/web/bare/vite.config.ts'), logLevel: 'warn' });
  return BARE_ROOT;
}
