import { describe, expect, it } from 'vitest';
import type { AgreementId, CountryCode, NoteId } from '../../../core/ids.ts';
import type { DatasetDocument } from '../../../core/schemas.ts';
import { agreement, testDataset } from '../../../core/testing/fixtures.ts';
import { coreCountryLookup } from './countryLookup.ts';
import { countryTable, lazyCountryLookup } from './countryTable.ts';

const meta = { dataset: testDataset.id, createdAt: '', updatedAt: '', version: 1 };
const doc: DatasetDocument = {
  schema: 'accord-atlas/dataset@1',
  dataset: testDataset,
  agreements: [
    { ...agreement('mlat', ['SG']), id: 'a1' as AgreementId, ...meta },
    { ...agreement('framework', ['MM', 'IN']), id: 'a2' as AgreementId, ...meta },
  ],
  notes: [{ id: 'n1' as NoteId, country: 'HR' as CountryCode, text: 'MoU found', sources: [], ...meta }],
};

describe('the page country table', () => {
  const core = coreCountryLookup();
  const table = countryTable(doc, core);

  it('holds the focal country, the partners and the countries with notes, named as core names them', () => {
    expect(Object.keys(table)).toEqual(['HR', 'IN', 'MM', 'SG']);
    expect(table.SG).toEqual([core.name('SG' as CountryCode), core.region('SG' as CountryCode)]);
    expect(table.IN?.[1]).toBe('Asia');
  });

  it('answers from the table, then from the full registry once it has loaded', async () => {
    let loads = 0;
    const lazy = lazyCountryLookup(table, async () => {
      loads += 1;
      return core;
    });
    expect(lazy.name('SG' as CountryCode)).toBe(core.name('SG' as CountryCode));
    expect(lazy.knows('FR' as CountryCode)).toBe(false);
    expect(lazy.name('FR' as CountryCode)).toBe('France');
    expect(lazy.suggest('sing').map((s) => s.iso2)).toEqual(['SG']);
    expect(lazy.suggest('burma')).toEqual([]);
    await Promise.all([lazy.complete(), lazy.complete()]);
    expect(loads).toBe(1);
    expect(lazy.isComplete()).toBe(true);
    expect(lazy.knows('FR' as CountryCode)).toBe(true);
    expect(lazy.suggest('burma')[0]?.iso2).toBe('MM');
    expect(lazy.region('FR' as CountryCode)).toBe('Europe');
  });
});
