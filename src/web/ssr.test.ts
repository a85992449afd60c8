import { describe, expect, it } from 'vitest';
import type { AgreementId, CategoryId, CountryCode, DatasetId } from '../core/ids.ts';
import type { Agreement, Dataset, DatasetDocument } from '../core/schemas.ts';
import { agreement, testDataset } from '../core/testing/fixtures.ts';
import { assetsFromManifest, jsonForScript, renderPageHtml } from './ssr.ts';

function doc(dataset: Dataset, contents: ReturnType<typeof agreement>[]): DatasetDocument {
  const agreements: Agreement[] = contents.map((c, i) => ({
    ...c,
    id: `a-${i}` as AgreementId,
    dataset: dataset.id,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-02-03T00:00:00Z',
    version: 1,
  }));
  return { schema: 'accord-atlas/dataset@1', dataset, agreements, notes: [] };
}

const seedLike = doc(
  { ...testDataset, title: 'Agreements of India', description: 'Who India agreed with.' },
  [
    agreement('mlat', ['SG']),
    agreement('mlat', ['FR']),
    agreement('mou', ['FR'], { year: 2015, summary: 'Ends here </script><script>alert(1)</script> <!--' }),
    agreement('framework', ['JP'], { year: 2016 }),
  ],
);
const assets = {
  js: ['/assets/main-abc.js'],
  css: ['/assets/main-def.css'],
  preload: ['/assets/world-123.json'],
};

describe('renderPageHtml', () => {
  const html = renderPageHtml({
    document: seedLike,
    assets,
    embed: false,
    canonicalUrl: 'https://example.org/',
  });

  it('is a complete document with meta from the dataset and the given assets', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>Agreements of India</title>');
    expect(html).toContain('<meta name="description" content="Who India agreed with.">');
    expect(html).toContain('<meta property="og:title" content="Agreements of India">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/">');
    expect(html).toContain('<link rel="stylesheet" href="/assets/main-def.css">');
    expect(html).toContain('<script type="module" src="/assets/main-abc.js"></script>');
    expect(html).toContain('<link rel="preload" href="/assets/world-123.json" as="fetch" crossorigin>');
  });

  it('embeds the document so it cannot close its script element, and it parses back unchanged', () => {
    const m = /<script type="application\/json" id="atlas-data">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('<');
    expect(JSON.parse(m![1]!)).toEqual(seedLike);
    expect(html).not.toContain('<script>alert(1)');
  });

  it('carries the names of the countries the page shows before anyone searches', () => {
    const m = /<script type="application\/json" id="atlas-countries">([\s\S]*?)<\/script>/.exec(html);
    expect(JSON.parse(m![1]!)).toEqual({
      FR: ['France', 'Europe'],
      IN: ['India', 'Asia'],
      JP: ['Japan', 'Asia'],
      SG: ['Singapore', 'Asia'],
    });
  });

  it('has nothing inline that a strict CSP would block', () => {
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    for (const s of scripts) expect(s).toMatch(/ src="|type="application\/json"/);
  });

  it('pre-renders the headline numbers, the glossary and the credit', () => {
    expect(html).toMatch(/data-testid="legend-count-mlat">2</);
    expect(html).toMatch(/data-testid="legend-count-mou">1</);
    expect(html).toMatch(/data-testid="legend-count-framework">1</);
    expect(html).toContain('data-testid="glossary"');
    expect(html).toContain('CC BY 4.0');
    // Freshness is the research's latest agreement, not the day of an import or a publication.
    expect(html).not.toContain('Last updated');
    expect(html).toContain('data-testid="data-as-of">Latest agreement: <time datetime="2016">2016</time>');
  });

  it('says "data as of" when the dataset sets it, and links the original publication only when it is set', () => {
    const page = { ...seedLike, dataset: { ...seedLike.dataset, dataAsOf: '2017-03', sourceUrl: null } };
    const html = renderPageHtml({ document: page, assets, embed: false, geometry: null });
    expect(html).toContain('data-testid="data-as-of">Data as of <time datetime="2017-03">March 2017</time>');
    expect(html).not.toContain('Original publication');
    const linked = renderPageHtml({
      document: { ...page, dataset: { ...page.dataset, sourceUrl: 'https://example.org/mapping' } },
      assets,
      embed: false,
      geometry: null,
    });
    expect(linked).toMatch(/href="https:\/\/example.org\/mapping"[^>]*>Original publication/);
  });

  it('renders a second dataset with its own focal country and categories, with no code change', () => {
    const other: Dataset = {
      ...testDataset,
      id: 'fr-trade' as DatasetId,
      title: 'France and its trade partners',
      focalCountry: 'FR' as CountryCode,
      categories: [
        {
          id: 'fta' as CategoryId,
          label: 'Free trade agreements',
          shortLabel: 'FTAs',
          description: 'Agreements that lower tariffs.',
          color: '#CC79A7',
          count: 'records',
          columns: ['FTA'],
        },
      ],
    };
    const page = renderPageHtml({
      document: doc(other, [agreement('fta', ['FR', 'CA'], { year: 2017 })]),
      assets,
      embed: false,
    });
    expect(page).toContain('<title>France and its trade partners</title>');
    expect(page).toContain('Free trade agreements');
    expect(page).toContain('Agreements that lower tariffs.');
    expect(page).toContain('fill="#CC79A7"');
    expect(page).toMatch(/data-testid="legend-count-fta">1</);
    expect(page).toContain('countries other than France');
    expect(page).not.toContain('MLAT');
    // India is on the world map like every country (a shape and a row of the map's unit table), but nothing
    // else in the page names it.
    const notMap = page
      .replace(/aria-label="India: no agreements"/g, '')
      .replace(/<script type="application\/json" id="atlas-map">[^<]*<\/script>/, '');
    expect(notMap).not.toMatch(/\bIndia\b/);
    expect(page).toMatch(
      /aria-label="France \(focal country\) and \d+ other countries and territories: no agreements"/,
    );
  });

  it('draws the map into the page, with the unit table the script reads it back from', () => {
    const page = renderPageHtml({ document: seedLike, assets, embed: false });
    expect(page.match(/<path d="M[^"]+" class="aa-unit /g)).toHaveLength(242);
    expect(page).toMatch(/<svg class="aa-map" width="1920" height="960" viewBox="0 0 1920 960"/);
    expect(page).not.toContain('class="map-placeholder"');
    const meta = JSON.parse(
      /<script type="application\/json" id="atlas-map">([^<]*)<\/script>/.exec(page)![1]!,
    );
    expect(meta.v).toBe(1);
    expect(meta.units).toHaveLength(242);
    expect(meta.units.find((u: unknown[]) => u[0] === 'SGP')).toEqual([
      'SGP',
      'SG',
      'Singapore',
      2,
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    // No inline style anywhere: the page's CSP (style-src 'self') would refuse it.
    expect(page).not.toMatch(/ style="/);
    const bare = renderPageHtml({ document: seedLike, assets, embed: false, geometry: null });
    expect(bare).toContain('class="map-placeholder"');
    expect(bare).not.toContain('id="atlas-map"');
  });

  it('renders embed mode with minimal chrome', () => {
    const page = renderPageHtml({ document: seedLike, assets, embed: true });
    expect(page).toContain('<html lang="en" data-embed="1">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('data-testid="open-download"');
    expect(page).not.toContain('data-testid="glossary"');
    expect(page).toContain('CC BY 4.0');
  });
});

describe('jsonForScript', () => {
  it('escapes every < and the JavaScript line separators', () => {
    const s = jsonForScript({ a: '</script>', b: '\u2028' });
    expect(s).toBe('{"a":"\\u003c/script>","b":"\\u2028"}');
    expect(JSON.parse(s)).toEqual({ a: '</script>', b: '\u2028' });
  });
});

describe('assetsFromManifest', () => {
  const manifest = {
    'src/web/main.tsx': {
      file: 'assets/main-1.js',
      isEntry: true,
      imports: ['_shared-2.js'],
      css: ['assets/main-3.css'],
      assets: ['assets/world-4.json', 'assets/icon-5.svg'],
    },
    '_shared-2.js': { file: 'assets/shared-2.js', css: ['assets/shared-6.css'] },
    'src/formats/browser.ts': { file: 'assets/browser-7.js', isDynamicEntry: true },
  };

  it('lists the entry, its static imports and their CSS (no geometry: the page carries its map)', () => {
    expect(assetsFromManifest(manifest, '/static')).toEqual({
      js: ['/static/assets/main-1.js', '/static/assets/shared-2.js'],
      css: ['/static/assets/main-3.css', '/static/assets/shared-6.css'],
    });
  });

  it('says what to do when the page was not built', () => {
    expect(() => assetsFromManifest({})).toThrow(/npx vite build/);
  });
});
