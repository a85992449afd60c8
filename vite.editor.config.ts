import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Builds the researchers' editor: src/editor/main.tsx -> dist/editor/, served by the server at /editor/ (the
// editor is never baked: it needs the editor API). Kept apart from the map page's build so the public bundle
// shares nothing with it. The server reads dist/editor/.vite/manifest.json to write the editor's HTML.
//
// Build: npx vite build -c vite.editor.config.ts   (npm run build builds both)

export default defineConfig({
  base: '/editor/',
  publicDir: false,
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
  build: {
    outDir: 'dist/editor',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { editor: 'src/editor/main.tsx' },
    },
  },
});
