import type { AppState } from '../state/state.ts';
import { encodeState } from '../state/urlState.ts';

// Addresses the page hands out. The embed address is the /embed route next to the page (the server lets only
// that route be framed by other sites; the bake writes it as embed/index.html), carrying the current filters.

/** The page's own address for a URL that may be its embed route: "/d/x/embed/" -> "/d/x/". */
export function mainPageUrl(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  u.pathname = u.pathname.replace(/\/embed\/?$/, '/');
  return u.toString();
}

function withQuery(base: string, state: AppState): string {
  const qs = encodeState(state);
  return qs ? `${base}?${qs}` : base;
}

/** A link to the full page in this state. */
export function shareLink(pageUrl: string, state: AppState): string {
  return withQuery(pageUrl, { ...state, embed: false });
}

/** The iframe address: the embed route with the current filters, no open panel, the map view. */
export function embedLink(pageUrl: string, state: AppState): string {
  const base = pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`;
  return withQuery(`${base}embed/`, { ...state, embed: false, country: null, view: 'map', query: '' });
}
