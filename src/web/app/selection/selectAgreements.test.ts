import { describe, expect, it } from 'vitest';
import type { AgreementId, CategoryId, CountryCode, DatasetId } from '../../../core/ids.ts';
import type { Agreement } from '../../../core/schemas.ts';
import { agreement, testDataset } from '../../../core/testing/fixtures.ts';
import { defaultState } from '../state/state.ts';
import { baseFilter, selectAgreements } from './selectAgreements.ts';

let n = 0;
function full(content: ReturnType<typeof agreement>): Agreement {
  n += 1;
  return {
    ...content,
    id: `a-${n}` as AgreementId,
    dataset: 'test' as DatasetId,
    createdAt: '',
    updatedAt: '',
    version: 1,
  };
}

const rows = [
  full(agreement('mlat', ['SG'])),
  full(agreement('mlat', ['FR'])),
  full(agreement('mou', ['FR'], { year: 2000 })),
  full(agreement('mou', ['SG'], { year: 2015 })),
  full(
    agreement('mou', ['JP'], {
      year: 2016,
      flags: { nonGovernmental: true, multilateral: false, mentionsOnly: false },
    }),
  ),
  full(
    agreement('framework', ['JP', 'SG'], {
      year: 2017,
      flags: { nonGovernmental: false, multilateral: true, mentionsOnly: false },
    }),
  ),
];
const domain = { min: 2000, max: 2017 };
const regionOf = (c: CountryCode): string | null => (c === 'FR' ? 'Europe' : 'Asia');

describe('page selection', () => {
  it('needs no year filter for the full span, undated or not; a playing timeline leaves undated out', () => {
    expect(baseFilter(defaultState(), domain)).toEqual({});
    expect(baseFilter({ ...defaultState(), undated: true }, domain)).toEqual({});
    expect(baseFilter({ ...defaultState(), undated: true }, domain, true)).toEqual({
      from: 2000,
      to: 2017,
      undated: false,
    });
    expect(baseFilter({ ...defaultState(), from: 2010 }, domain)).toEqual({
      from: 2010,
      to: 2017,
      undated: false,
    });
  });

  it('counts with core rules and keeps hidden categories on their cards', () => {
    const s = { ...defaultState(), categories: ['mou'] as CategoryId[] };
    const sel = selectAgreements(testDataset, rows, s, domain, { regionOf });
    expect(sel.cardStats.counts).toEqual({ mlat: 2, mou: 3, framework: 1 });
    expect(sel.stats.counts).toEqual({ mlat: 0, mou: 3, framework: 0 });
    expect(sel.agreements).toHaveLength(3);
    expect([...sel.tallies.keys()].sort()).toEqual(['FR', 'JP', 'SG']);
    expect(rows.filter(sel.includes)).toEqual(sel.agreements);
  });

  it('narrows by years, leaving undated out unless shown, and then drawing them apart', () => {
    const kept = selectAgreements(
      testDataset,
      rows,
      { ...defaultState(), from: 2015, to: 2016, undated: true },
      domain,
      {},
    );
    expect(kept.stats.counts).toEqual({ mlat: 2, mou: 2, framework: 0 });
    // Counted, but they do not colour the map: they are tallied apart.
    expect(kept.undated).toMatchObject({ records: 2, apart: true });
    const mapped = [...kept.mapTallies.values()].flatMap((t) => Object.keys(t.byCategory));
    expect(mapped).not.toContain('mlat');
    expect(
      [...kept.undated!.tallies.values()].every((t) => Object.keys(t.byCategory).join() === 'mlat'),
    ).toBe(true);
    const dropped = selectAgreements(
      testDataset,
      rows,
      { ...defaultState(), from: 2015, to: 2016 },
      domain,
      {},
    );
    expect(dropped.stats.counts).toEqual({ mlat: 0, mou: 2, framework: 0 });
    expect(dropped.undated).toMatchObject({ records: 2, apart: false });
    expect(dropped.mapTallies).toBe(dropped.tallies);
    // The full span: nothing is left out or drawn apart.
    expect(selectAgreements(testDataset, rows, defaultState(), domain, {}).undated).toBeNull();
    expect(dropped.range).toEqual({ from: 2015, to: 2016 });
    expect(rows.filter(dropped.includes)).toEqual(dropped.agreements);
  });

  it('filters by region and by flags', () => {
    const europe = selectAgreements(testDataset, rows, { ...defaultState(), region: 'Europe' }, domain, {
      regionOf,
    });
    expect(europe.stats.partners).toBe(1);
    const noNgo = selectAgreements(
      testDataset,
      rows,
      { ...defaultState(), nonGovernmental: 'exclude' },
      domain,
      {},
    );
    expect(noNgo.stats.counts.mou).toBe(2);
    const onlyMulti = selectAgreements(
      testDataset,
      rows,
      { ...defaultState(), multilateral: 'only' },
      domain,
      {},
    );
    expect(onlyMulti.agreements.map((a) => a.category)).toEqual(['framework']);
    expect(onlyMulti.stats.partners).toBe(2);
  });
});
