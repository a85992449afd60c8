import { describe, expect, it } from 'vitest';
import type { CountryCode } from '../../core/ids.ts';
import { tallyByCountry } from '../../core/stats.ts';
import { decodeWorld } from './decodeWorld.ts';
import { englishMapLabels, type MapLabels } from './labels.ts';
import { computeMapState, unitOf } from './state.ts';
import { agreement, loadDataset, loadWorld, sampleAgreements } from './testing.ts';

const dataset = loadDataset();
const world = loadWorld();
const tallies = tallyByCountry(dataset, sampleAgreements);
const code = (c: string): CountryCode => c as CountryCode;

describe('computeMapState', () => {
  const state = computeMapState({
    world,
    dataset,
    tallies,
    selected: code('FR'),
    compare: [code('BR'), code('JP')],
  });
  const unit = (c: string) => unitOf(state, code(c))!;

  it('gives every geometry unit a role, in the order of the geometry', () => {
    expect(state.units.map((u) => u.a3)).toEqual(world.units.map((u) => u.a3));
    expect(unit('IN').role).toBe('focal');
    expect(unit('SG').role).toBe('partner');
    expect(unit('DE').role).toBe('other');
    expect(state.units.find((u) => u.a3 === 'KAS')?.role).toBe('disputed');
    expect(state.units.find((u) => u.a3 === 'IOA')?.role).toBe('other');
    const partners = state.units.filter((u) => u.role === 'partner').map((u) => u.iso2);
    expect(partners.sort()).toEqual(['BH', 'BR', 'CN', 'FR', 'GB', 'JP', 'MU', 'SG', 'US']);
  });

  it('draws undated agreements apart: never as a category fill, named in the label', () => {
    const apart = computeMapState({
      world,
      dataset,
      tallies: tallyByCountry(dataset, [agreement('mou', 'FR')]),
      undated: tallyByCountry(dataset, [agreement('mlat', 'FR'), agreement('mlat', 'MX')]),
    });
    const fr = unitOf(apart, code('FR'))!;
    expect(fr.categories).toEqual(['mou']);
    expect(fr.undated).toEqual(['mlat']);
    expect(fr.label).toBe('France: 1 MoU / Joint Statement; undated: 1 MLAT');
    const mx = unitOf(apart, code('MX'))!;
    expect(mx).toMatchObject({ role: 'partner', focusable: true, categories: [], fill: { kind: 'undated' } });
    expect(mx.label).toBe('Mexico: undated: 1 MLAT');
    expect(apart.combos).toEqual([['mou']]);
  });

  it('lists categories in dataset order with their counts and spoken names', () => {
    const sg = unit('SG');
    expect(sg.categories).toEqual(['mlat', 'mou', 'framework']);
    expect(sg.counts).toEqual({ mlat: 1, mou: 2, framework: 1 });
    expect(sg.total).toBe(4);
    expect(sg.label).toBe('Singapore: 1 MLAT, 2 MoUs / Joint Statements, 1 Cyber Framework');
    expect(unit('FR').label).toBe('France: 1 MLAT, 1 MoU / Joint Statement');
    expect(unit('IN').label).toBe('India: focal country');
    expect(unit('DE').label).toBe('Germany: no agreements');
    expect(state.units.find((u) => u.a3 === 'SOL')?.label).toBe('Somaliland: disputed area');
  });

  it('fills a partner with the pattern of exactly its categories, and lists the combinations in use', () => {
    expect(unit('SG').fill).toEqual({
      kind: 'categories',
      key: 'mlat.mou.framework',
      categories: ['mlat', 'mou', 'framework'],
    });
    expect(unit('BR').fill).toMatchObject({ kind: 'categories', key: 'mou' });
    expect(unit('IN').fill).toEqual({ kind: 'focal' });
    expect(unit('DE').fill).toEqual({ kind: 'land' });
    expect(state.units.find((u) => u.a3 === 'CYN')?.fill).toEqual({ kind: 'disputed' });
    expect(state.combos.map((c) => c.join('.'))).toEqual([
      'framework',
      'mlat',
      'mlat.mou',
      'mlat.mou.framework',
      'mou',
    ]);
  });

  it('takes colours from the dataset and gives each category its own texture', () => {
    expect(state.styles.map((s) => s.color)).toEqual(dataset.categories.map((c) => c.color));
    expect(new Set(state.styles.map((s) => s.texture)).size).toBe(dataset.categories.length);
  });

  it('makes partners focusable, with markers for the tiny ones only', () => {
    expect(state.units.filter((u) => u.focusable)).toHaveLength(9);
    expect(unit('IN').focusable).toBe(false);
    expect(unit('DE').focusable).toBe(false);
    const markers = state.units.filter((u) => u.marker).map((u) => u.iso2);
    expect(markers.sort()).toEqual(['BH', 'MU', 'SG']);
  });

  it('orders the keyboard stops alphabetically by name', () => {
    const order: (string | null)[] = state.focusOrder.map((a3) => world.byA3.get(a3)!.iso2);
    expect(order).toEqual(['BH', 'BR', 'CN', 'FR', 'JP', 'MU', 'SG', 'GB', 'US']);
  });

  it('makes countries with research notes reachable and names them as such; lists only those and partners', () => {
    const noted = computeMapState({ world, dataset, tallies, notes: new Set([code('DM'), code('BH')]) });
    const dm = unitOf(noted, code('DM'))!;
    expect(dm).toMatchObject({ role: 'other', focusable: true, listed: true, notes: true, categories: [] });
    expect(dm.label).toBe('Dominica: research notes, no agreements');
    expect(unitOf(noted, code('BH'))!.label).toBe('Bahrain: 1 MLAT');
    expect(noted.focusOrder.map((a3) => world.byA3.get(a3)!.iso2)).toContain('DM');
    const listed = noted.units.filter((u) => u.listed).map((u) => u.iso2);
    expect(listed.sort()).toEqual(['BH', 'BR', 'CN', 'DM', 'FR', 'GB', 'JP', 'MU', 'SG', 'US']);
    expect(noted.othersLabel).toMatch(
      /^India \(focal country\) and \d+ other countries and territories: no agreements$/,
    );
  });

  it('marks the selected and compared countries, and lists partners it cannot draw', () => {
    expect(unit('FR').selected).toBe(true);
    expect(unit('SG').selected).toBe(false);
    expect([unit('BR').compared, unit('JP').compared, unit('FR').compared]).toEqual([true, true, false]);
    expect(state.selected).toBe('FR');
    expect(state.missing).toEqual(['GI']);
  });

  it('uses the page’s names and words', () => {
    const labels: MapLabels = {
      ...englishMapLabels,
      count: (c, n) => `${c.shortLabel}×${n}`,
      named: (name, d) => `${name} — ${d}`,
      none: 'rien',
    };
    const s = computeMapState({ world, dataset, tallies, nameOf: (c) => `«${c}»`, labels });
    expect(unitOf(s, code('SG'))?.label).toBe('«SG» — MLAT×1, MoUs×2, Frameworks×1');
    expect(unitOf(s, code('DE'))?.label).toBe('«DE» — rien');
    expect(s.units.find((u) => u.a3 === 'IOA')?.name).toBe('Indian Ocean Territories (Australia)');
  });

  it('follows the filter: a partner with no agreement left becomes a plain country', () => {
    const onlyFrameworks = tallyByCountry(
      dataset,
      sampleAgreements.filter((a) => a.category === 'framework'),
    );
    const s = computeMapState({ world, dataset, tallies: onlyFrameworks });
    expect(unitOf(s, code('SG'))?.categories).toEqual(['framework']);
    expect(unitOf(s, code('FR'))?.role).toBe('other');
    expect(s.focusOrder).toHaveLength(2);
  });

  it('gives a country drawn as several units one keyboard stop', () => {
    const two = {
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
        [
          [10, 10],
          [11, 10],
          [11, 11],
          [10, 10],
        ],
      ],
      objects: {
        countries: {
          type: 'GeometryCollection',
          geometries: [
            {
              type: 'Polygon',
              arcs: [[0]],
              properties: { iso2: 'FR', a3: 'FRA', name: 'France', area: 'normal', anchor: [0.7, 0.3] },
            },
            {
              type: 'Polygon',
              arcs: [[1]],
              properties: { iso2: 'FR', a3: 'FXX', name: 'France (2)', area: 'normal', anchor: [10.7, 10.3] },
            },
          ],
        },
      },
    };
    const s = computeMapState({
      world: decodeWorld(two),
      dataset,
      tallies: tallyByCountry(dataset, [agreement('mou', 'FR')]),
    });
    expect(s.units.map((u) => [u.role, u.focusable])).toEqual([
      ['partner', true],
      ['partner', false],
    ]);
    expect(s.focusOrder).toEqual(['FRA']);
  });
});
