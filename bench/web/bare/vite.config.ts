import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the bare baseline page of the paint benchmark (bench/web/paint.ts) into dist/bench-bare/.
// Build: npx vite build --config bench/web/bare/vite.config.ts   (bench/web/index.ts does it when missing)

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/bench-bare', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
