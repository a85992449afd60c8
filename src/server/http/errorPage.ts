import { escapeHtml } from '../../web/ssr.ts';

// A reader who follows a broken link to a page gets a small HTML page that says what went wrong and links to
// the map, not a bare line of text. The message is escaped; the page needs no script or style (strict CSP).

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  404: 'Page not found',
  405: 'Method not allowed',
  413: 'Too large',
  429: 'Too many requests',
};

export function errorPageHtml(status: number, message: string): string {
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'Request refused');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Accord Atlas</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message.charAt(0).toUpperCase() + message.slice(1))}.</p>
<p><a href="/">Go to the map</a></p>
</main>
</body>
</html>
`;
}
