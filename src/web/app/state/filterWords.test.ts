import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../../../core/ids.ts';
import { loadDataset } from '../../map/testing.ts';
import { filterWords } from './filterWords.ts';
import { defaultState } from './state.ts';

const dataset = loadDataset();
const domain = { min: 2000, max: 2017 };

describe('filterWords', () => {
  it('says every agreement when nothing narrows the data', () => {
    expect(filterWords(defaultState(), dataset, domain, true)).toBe('Showing: every agreement');
  });

  it('names categories, years, the undated rule and the region in words', () => {
    const s = { ...defaultState(), categories: ['mou'] as CategoryId[], from: 2010, region: 'Asia' };
    expect(filterWords(s, dataset, domain, true)).toBe(
      'Showing: MoUs only, 2010–2017, undated agreements left out, region Asia',
    );
    expect(filterWords({ ...s, undated: true, nonGovernmental: 'exclude' }, dataset, domain, false)).toBe(
      'Showing: MoUs only, 2010–2017, region Asia, no non-governmental agreements',
    );
  });
});
