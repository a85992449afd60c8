import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Builds the public map page: src/web/main.tsx -> dist/web/ with hashed file names and a manifest
// (dist/web/.vite/manifest.json) from which the server and the bake pick the script, CSS and geometry URLs
// (see assetsFromManifest in src/web/ssr.ts). There is no index.html: ssr.ts writes the HTML.
//
// ATLAS_BASE sets the URL prefix of the built files. The default './' makes every reference relative to
// the file that makes it, so the same build works at /, under /d/<id>/ and from any static host.
//
// Build: npx vite build   (or: ATLAS_BASE=/static/ npx vite build)

export default defineConfig({
  base: process.env.ATLAS_BASE ?? './',
  publicDir: false,
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
  // d3-zoom's only uses of d3-transition and d3-interpolate are ones the map never makes (see the stand-ins).
  resolve: {
    alias: {
      'd3-transition': fileURLToPath(new URL('./src/web/map/noTransition.ts', import.meta.url)),
      'd3-interpolate': fileURLToPath(new URL('./src/web/map/noInterpolate.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // No asset is inlined: the geometry must stay a separate, cacheable file, and inlined SVG/fonts would
    // end up as data: URLs that a strict CSP may refuse.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rollupOptions: {
      input: { main: 'src/web/main.tsx' },
    },
  },
});
