import { describe, expect, it } from 'vitest';
import type { CountryCode } from '../../core/ids.ts';
import { tallyByCountry } from '../../core/stats.ts';
import { COMBO_COLORS } from './fills.ts';
import { layoutMap } from './project.ts';
import { type LegendItem, renderMapSvg } from './render.ts';
import { computeMapState } from './state.ts';
import { agreement, loadDataset, loadWorld, sampleAgreements, subWorld } from './testing.ts';

const dataset = loadDataset();
const world = loadWorld();
const legend: LegendItem[] = [
  ...dataset.categories.map((c) => ({ label: c.label, swatch: c.id })),
  { label: 'India', swatch: 'focal' },
  { label: 'Disputed area', swatch: 'disputed' },
];

describe('renderMapSvg', () => {
  it('draws a small fixed state exactly as before (snapshot)', async () => {
    const small = subWorld(world, ['IND', 'PAK', 'CHN', 'KAS', 'NPL', 'LKA', 'SGP', 'MYS', 'BHR', 'QAT']);
    const tallies = tallyByCountry(dataset, [
      agreement('mlat', 'SG'),
      agreement('mou', 'SG'),
      agreement('framework', 'SG'),
      agreement('mlat', 'BH'),
      agreement('mou', 'QA'),
      agreement('mou', 'LK'),
      agreement('mlat', 'MY'),
      agreement('framework', 'MY'),
    ]);
    const state = computeMapState({
      world: small,
      dataset,
      tallies,
      selected: 'SG' as CountryCode,
      compare: ['LK' as CountryCode],
    });
    const svg = renderMapSvg(state, layoutMap(small), {
      width: 480,
      height: 300,
      title: 'Agreements <test> & "quotes"',
      legend,
      credit: 'Source: CIS India, CC BY 4.0. Boundaries: Natural Earth.',
      zoom: { k: 4, x: 0.72, y: 0.42 },
    });
    await expect(svg).toMatchFileSnapshot('__snapshots__/small-map.generated.svg');
  });

  const state = computeMapState({ world, dataset, tallies: tallyByCountry(dataset, sampleAgreements) });
  const darkPage = {
    width: 960,
    height: 560,
    title: dataset.title,
    legend,
    credit: dataset.citation,
    theme: 'dark',
  } as const;
  const svg = renderMapSvg(state, layoutMap(world), darkPage);

  it('is a complete standalone SVG document with every unit', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="960" height="560"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path d="[^"]*" class="aa-unit /g)).toHaveLength(242);
    expect(svg.match(/ data-iso2="/g)).toHaveLength(237);
    expect(svg).toContain(
      '<title id="aa-svg-title">Mapping of India&apos;s Cyber Security-Related Bilateral Agreements</title>',
    );
  });

  it('names every country, marks partners, the focal country and disputed areas by class', () => {
    expect(svg).toMatch(
      /data-iso2="SG" data-categories="mlat mou framework" data-a3="SGP" data-anchor="[\d.]+,[\d.]+" role="img" aria-label="Singapore: 1 MLAT, 2 MoUs \/ Joint Statements, 1 Cyber Framework"/,
    );
    expect(svg).toMatch(
      /class="aa-unit aa-focal"(?: fill="#[0-9a-f]{6}")? data-iso2="IN" data-categories="" data-a3="IND" stroke=/,
    );
    // Only partners are named one by one; the rest is one named group.
    expect(svg.match(/ aria-label="/g)).toHaveLength(9 + 1);
    expect(svg).toMatch(/<g class="aa-rest" role="img" aria-label="India \(focal country\) and \d+ other/);
    expect(svg).toMatch(
      /class="aa-unit aa-disputed" fill="url\(#aa-disputed\)" data-categories="" data-a3="KAS"/,
    );
    expect(svg).toMatch(
      /class="aa-unit aa-partner" fill="url\(#aa-fill-mlat\.mou\.framework\)" data-iso2="SG"/,
    );
    expect(svg).toContain('<pattern id="aa-fill-mlat.mou.framework" patternUnits="userSpaceOnUse"');
    expect(svg).toContain('class="aa-hl aa-hl-focal"');
    // No tab stops in an exported picture.
    expect(svg).not.toContain('tabindex');
  });

  it("draws markers for tiny partners, a disc of the combination's colour", () => {
    const sg = /<g class="aa-marker aa-marker-partner" data-marker="SG" data-a3="SGP">(.*?)<\/g><\/g>/.exec(
      svg,
    );
    expect(sg).not.toBeNull();
    expect(sg![1]!).toContain(`fill="${COMBO_COLORS['0.1.2']}"`);
    expect(svg).toContain('data-marker="BH"');
    expect(svg).not.toContain('data-marker="FR"');
  });

  it('writes colours from the dataset (single categories), the combinations and the chosen theme', () => {
    for (const c of dataset.categories.slice(0, 2)) expect(svg).toContain(`fill="${c.color}"`);
    expect(svg).toContain(`fill="${COMBO_COLORS['0.1']}"`);
    expect(svg).toMatch(/class="aa-sea"[^>]* fill="#161a1f"/);
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('var(--');
  });

  it('adds title, legend and credit, all text escaped', () => {
    const s = renderMapSvg(state, layoutMap(world), {
      width: 600,
      height: 400,
      title: 'A <b>&</b> "B"',
      legend: [{ label: 'x < y & z', swatch: dataset.categories[0]!.id }],
      credit: "Credit 'here' & there",
    });
    expect(s).toContain('>A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;</text>');
    expect(s).toContain('>x &lt; y &amp; z</text>');
    expect(s).toContain('>Credit &apos;here&apos; &amp; there</text>');
    expect(s).not.toMatch(/<b>|& /);
  });

  it('is deterministic, with shapes in whole layout units and other coordinates rounded', () => {
    const again = renderMapSvg(state, layoutMap(world), darkPage);
    expect(again).toBe(svg);
    const unitPaths = [...svg.matchAll(/<path d="([^"]*)" class="aa-unit/g)].map((m) => m[1]!);
    expect(unitPaths).toHaveLength(242);
    expect(unitPaths.join('').match(/-?\d+/g)!.length).toBeGreaterThan(10_000);
    expect(unitPaths.every((d) => /^[Mlz0-9 -]*$/.test(d))).toBe(true);
    const decimals = [...svg.matchAll(/ (?:cx|cy|r|d)="([^"]*)"/g)].flatMap(
      (m) => m[1]!.match(/\.\d+/g) ?? [],
    );
    expect(decimals.length).toBeGreaterThan(10);
    expect(decimals.every((n) => n.length <= 4)).toBe(true);
  });
});

describe('renderMapSvg styles', () => {
  it('carries its look as attributes, with no <style> a strict CSP would refuse', async () => {
    const { parseClassRules, inlineClassStyles } = await import('./inlineStyles.ts');
    const { el, toSvgString } = await import('./svg.ts');
    const rules = parseClassRules(
      '.a{fill:#fff;cursor:pointer}.a:focus{outline:none}.b>*{stroke:#000}@media (x){.a{fill:red}}',
    );
    expect(rules.map((r) => r.cls)).toEqual(['a', 'b']);
    const tree = el('g', { class: 'b' }, [el('rect', { class: 'a', fill: 'url(#p)' })]);
    expect(toSvgString(inlineClassStyles(tree, '.a{fill:#fff}.b>*{stroke:#000}'))).toBe(
      '<g class="b"><rect class="a" fill="#fff" stroke="#000"/></g>',
    );
  });
});
