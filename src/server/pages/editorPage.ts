import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { assetsFromManifest, type ViteManifest } from '../../web/ssr.ts';

// The researchers' editor at /editor/: a small HTML shell around the editor bundle (dist/editor, built by
// vite.editor.config.ts), and its hashed files. Without a build the page says how to make one.

const ENTRY = 'src/editor/main.tsx';

function shell(manifest: ViteManifest | null): string {
  const assets = manifest?.[ENTRY] ? assetsFromManifest(manifest, '/editor/', ENTRY) : null;
  const head = assets
    ? [
        ...assets.css.map((c) => `<link rel="stylesheet" href="${c}">`),
        ...assets.js.slice(1).map((j) => `<link rel="modulepreload" href="${j}">`),
        `<script type="module" src="${assets.js[0]}"></script>`,
      ].join('\n')
    : '';
  const body = assets
    ? '<div id="editor"><noscript>The editor needs JavaScript.</noscript></div>'
    : '<main><h1>Accord Atlas editor</h1><p>The editor is not built yet: run <code>npm run build</code> and restart the server.</p></main>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Accord Atlas editor</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

export function editorPage(root: string): Hono {
  const app = new Hono();
  const manifestPath = join(root, '.vite/manifest.json');
  let html: string | undefined;
  const page = (): string => {
    html ??= shell(
      existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest) : null,
    );
    return html;
  };
  app.get('/editor', (c) => c.redirect('/editor/', 301));
  app.get('/editor/', (c) => c.html(page(), 200, { 'Cache-Control': 'no-store' }));
  if (existsSync(root)) {
    const serve = serveStatic({
      root,
      precompressed: true,
      rewriteRequestPath: (path) => path.replace(/^\/editor/, ''),
    });
    app.use('/editor/assets/*', async (c, next) => {
      const res = await serve(c, next);
      if (res instanceof Response && res.status < 400)
        res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      return res;
    });
  }
  return app;
}
