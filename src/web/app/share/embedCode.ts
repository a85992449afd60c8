// The code a site owner pastes to embed the map. The iframe works on its own; the script resizes it to the
// height the page posts (see embedHeight.ts), accepting messages only from the map's own origin.

export const HEIGHT_MESSAGE = 'accord-atlas:height';

export type HeightMessage = { type: typeof HEIGHT_MESSAGE; height: number };

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function iframeCode(src: string, title: string, height = 720): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`;
}

export function resizeScript(origin: string): string {
  const o = JSON.stringify(origin);
  return [
    '<script>',
    'addEventListener("message", function (e) {',
    `  if (e.origin !== ${o} || !e.data || e.data.type !== "${HEIGHT_MESSAGE}") return;`,
    '  document.querySelectorAll("iframe").forEach(function (f) {',
    '    if (f.contentWindow === e.source) f.style.height = Math.ceil(e.data.height) + "px";',
    '  });',
    '});',
    '</script>',
  ].join('\n');
}

export function isHeightMessage(data: unknown): data is HeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.type === HEIGHT_MESSAGE && typeof d.height === 'number' && Number.isFinite(d.height);
}
