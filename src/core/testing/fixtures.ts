import type { CategoryId, CountryCode } from '../ids.ts';
import type { AgreementContent, Dataset } from '../schemas.ts';

// Small, explicit fixtures for core tests: a dataset with three categories and a way to make agreements.

export const testDataset: Dataset = {
  id: 'test' as Dataset['id'],
  title: 'Test dataset',
  description: '',
  focalCountry: 'IN' as CountryCode,
  license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  credits: [],
  citation: '',
  sourceUrl: null,
  categories: [
    {
      id: 'mlat' as CategoryId,
      label: 'MLAT',
      shortLabel: 'MLAT',
      description: '',
      color: '#0072B2',
      count: 'partners',
      columns: ['MLAT'],
    },
    {
      id: 'mou' as CategoryId,
      label: 'MoUs',
      shortLabel: 'MoUs',
      description: '',
      color: '#E69F00',
      count: 'records',
      columns: ['MOU'],
    },
    {
      id: 'framework' as CategoryId,
      label: 'Frameworks',
      shortLabel: 'Frameworks',
      description: '',
      color: '#009E73',
      count: 'records',
      columns: ['FRAMEWORK'],
    },
  ],
  sheet: {
    country: ['COUNTRY'],
    date: ['DATES'],
    comment: ['COMMENTS'],
    datedCategory: 'mou' as CategoryId,
    empty: ['n/a'],
  },
  lastPublished: null,
};

export function agreement(
  category: string,
  partners: string[],
  opts: Partial<Omit<AgreementContent, 'category' | 'partners'>> & { url?: string; year?: number } = {},
): AgreementContent {
  const { url, year, ...rest } = opts;
  return {
    category: category as CategoryId,
    partners: partners as CountryCode[],
    title: '',
    date:
      year === undefined
        ? { text: '', year: null, month: null, day: null }
        : { text: String(year), year, month: null, day: null },
    summary: '',
    sources: url ? [{ url, title: '', archivedUrl: null, lastChecked: null, httpStatus: null }] : [],
    flags: { nonGovernmental: false, multilateral: false, mentionsOnly: false },
    status: 'unknown',
    ...rest,
  };
}
