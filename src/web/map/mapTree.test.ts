import { describe, expect, it } from 'vitest';
import { tallyByCountry } from '../../core/stats.ts';
import { buildMapLayers } from './mapTree.ts';
import { layoutMap } from './project.ts';
import { computeMapState } from './state.ts';
import type { SvgNode } from './svg.ts';
import { agreement, loadDataset, loadWorld, sampleAgreements } from './testing.ts';

// A filter step hands the live map a new state; the units it leaves as they were keep their node objects, so
// the map's Layer components skip them (toPreact.ts). The changed ones are new nodes with the new attributes.

const dataset = loadDataset();
const world = loadWorld();
const layout = layoutMap(world);

function unitNodes(agreements: typeof sampleAgreements): Map<string, SvgNode> {
  const state = computeMapState({ world, dataset, tallies: tallyByCountry(dataset, agreements) });
  const out = new Map<string, SvgNode>();
  const walk = (n: SvgNode | string): void => {
    if (typeof n === 'string') return;
    if (n.tag === 'path' && typeof n.attrs['data-a3'] === 'string') out.set(n.attrs['data-a3'], n);
    n.children.forEach(walk);
  };
  walk(buildMapLayers(state, layout, { interactive: true }).zoom);
  return out;
}

describe('buildMapLayers across filter steps', () => {
  it('reuses the node of every unit a step leaves unchanged, and only those', () => {
    const before = unitNodes(sampleAgreements);
    // Brazil's only MoU goes; Japan gains an MLAT. Everything else is as it was.
    const after = unitNodes([
      ...sampleAgreements.filter((a) => !a.partners.includes('BR' as never)),
      agreement('mlat', 'JP'),
    ]);
    expect(after.size).toBe(before.size);
    const changed = [...after].filter(([a3, node]) => before.get(a3) !== node).map(([a3]) => a3);
    expect(changed.sort()).toEqual(['BRA', 'JPN']);
    expect(after.get('BRA')!.attrs['data-categories']).toBe('');
    expect(after.get('JPN')!.attrs['data-categories']).toBe('mlat framework');
    expect(after.get('FRA')).toBe(before.get('FRA'));
  });

  it('gives back the earlier nodes when a step is undone', () => {
    const first = unitNodes(sampleAgreements);
    unitNodes(sampleAgreements.filter((a) => a.category !== 'mou'));
    const again = unitNodes(sampleAgreements);
    // Units the middle step changed are rebuilt (equal attributes), the others are the very same objects.
    for (const [a3, node] of again) expect(node.attrs).toEqual(first.get(a3)!.attrs);
    expect(again.get('ARG')).toBe(first.get('ARG'));
  });
});
