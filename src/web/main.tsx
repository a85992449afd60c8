import './styles/index.css';
import './map/map.generated.css';
import { hydrate, render } from 'preact';
import type { DatasetDocument } from '../core/schemas.ts';
import {
  App,
  type CountryLookup,
  type CountryTable,
  countryTable,
  createAtlas,
  decodeState,
  defaultState,
  encodeState,
  lazyCountryLookup,
  mainPageUrl,
} from './app/index.ts';
import { worldMapSlot } from './app/mapSlot.tsx';
import { looksLikeVersion, type PageVersion } from './app/version.ts';
import { messages as t } from './text.ts';

// The browser entry: read the dataset document the HTML carries (or fetch it from the advertised link),
// restore the state from the address, and render the page over the server-rendered shell.

function looksLikeDocument(value: unknown): value is DatasetDocument {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DatasetDocument>;
  return (
    typeof v.dataset === 'object' &&
    v.dataset !== null &&
    Array.isArray(v.dataset.categories) &&
    Array.isArray(v.agreements) &&
    Array.isArray(v.notes)
  );
}

async function loadDocument(): Promise<DatasetDocument> {
  const embedded = document.getElementById('atlas-data');
  let value: unknown;
  if (embedded?.textContent) {
    value = JSON.parse(embedded.textContent);
  } else {
    const link = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="application/json"]');
    if (!link) throw new Error('the page carries no dataset and names no data URL');
    const res = await fetch(link.href);
    if (!res.ok) throw new Error(`${link.href} answered ${res.status}`);
    value = await res.json();
  }
  if (!looksLikeDocument(value)) throw new Error('the dataset document is not in the expected shape');
  return value;
}

/** The published version the server put in the page, if any. */
function pageVersion(): PageVersion | null {
  const el = document.getElementById('atlas-version');
  if (!el?.textContent) return null;
  const value: unknown = JSON.parse(el.textContent);
  return looksLikeVersion(value) ? value : null;
}

const canonicalUrl = (): string | undefined =>
  document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;

/** The main page's address (for links and citations), also when this is its embed route. */
function pageUrl(): string {
  return mainPageUrl(canonicalUrl() ?? window.location.href);
}

const loadRegistry = (): Promise<CountryLookup> =>
  import('./app/countries/countryLookup.ts').then((m) => m.coreCountryLookup());

/**
 * Country names from the table the server put in the page; the full registry loads on first search. Without
 * a table (a document fetched from the data URL), the registry loads now and the table is built from it.
 */
async function countryLookup(doc: DatasetDocument): Promise<CountryLookup> {
  const el = document.getElementById('atlas-countries');
  if (el?.textContent) return lazyCountryLookup(JSON.parse(el.textContent) as CountryTable, loadRegistry);
  const full = await loadRegistry();
  return lazyCountryLookup(countryTable(doc, full), async () => full);
}

/**
 * Resolves once the browser has painted the server's page (the map included): the script's first render then
 * takes the main thread after the reader already sees everything, not before. A hidden page (no frames) goes
 * on after a moment anyway.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 250);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

async function start(): Promise<void> {
  const root =
    document.getElementById('atlas-root') ?? document.body.appendChild(document.createElement('div'));
  try {
    if (document.getElementById('atlas-map')) await afterFirstPaint();
    const doc = await loadDocument();
    const atlas = createAtlas(doc, await countryLookup(doc), pageUrl(), pageVersion());
    const state = decodeState(window.location.search, {
      categories: doc.dataset.categories.map((c) => c.id),
    });
    const servedEmbed = document.documentElement.dataset.embed === '1';
    state.embed ||= servedEmbed || /\/embed\/?$/.test(window.location.pathname);
    if (document.getElementById('atlas-map')) {
      // Take the server's render over as it is (ssr.ts: the default state, its embed flag, the canonical
      // address or none): no attribute is read back or set again. Then, in a task of its own, move to what
      // the address asks for, if anything.
      const served = { ...defaultState(), embed: servedEmbed };
      const servedUrl = canonicalUrl();
      // The same derived facts in both renders (what depends on them is not recomputed): only the address,
      // which a server without a canonical URL could not know, differs.
      const asServed = { ...atlas, pageUrl: servedUrl ? mainPageUrl(servedUrl) : '' };
      hydrate(<App atlas={asServed} initialState={served} map={worldMapSlot} />, root);
      if (
        encodeState(state) !== encodeState(served) ||
        state.embed !== served.embed ||
        asServed.pageUrl !== atlas.pageUrl
      ) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        render(<App atlas={atlas} initialState={served} resume={state} map={worldMapSlot} />, root);
      }
    } else {
      render(<App atlas={atlas} initialState={state} map={worldMapSlot} />, root);
    }
    // The page answers to the reader from here on (tests and embedding hosts may wait for this).
    document.documentElement.dataset.atlasReady = 'true';
  } catch (e) {
    console.error(e);
    const p = document.createElement('p');
    p.className = 'load-error';
    p.setAttribute('role', 'alert');
    p.textContent = t.dataError;
    root.prepend(p);
  }
}

void start();
