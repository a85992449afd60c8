import { describe, expect, it } from 'vitest';
import type { CategoryId, CountryCode } from '../../../core/ids.ts';
import { StatusSchema } from '../../../core/schemas.ts';
import { type AppState, defaultState, STATUSES } from './state.ts';
import { decodeState, encodeState } from './urlState.ts';

const ctx = { categories: ['mlat', 'mou', 'framework'] };

describe('URL state', () => {
  it('encodes the default state as an empty query', () => {
    expect(encodeState(defaultState())).toBe('');
    expect(decodeState('', ctx)).toEqual(defaultState());
  });

  it('round-trips every field', () => {
    const s: AppState = {
      country: 'SG' as CountryCode,
      categories: ['mlat', 'framework'] as CategoryId[],
      from: 2005,
      to: 2016,
      undated: true,
      region: 'Asia',
      nonGovernmental: 'exclude',
      multilateral: 'only',
      status: 'in-force',
      view: 'table',
      zoom: { k: 2.5, x: 0.6213, y: 0.4 },
      compare: ['SG', 'FR', 'US'] as CountryCode[],
      query: 'cyber crime & co',
      sort: { key: 'date', descending: true },
      embed: true,
    };
    const qs = encodeState(s);
    expect(qs).toBe(
      'country=SG&cat=mlat,framework&from=2005&to=2016&undated=1&region=Asia&ngo=exclude&multi=only&status=in-force&view=table' +
        '&zoom=2.5,0.6213,0.4&compare=SG,FR,US&q=cyber+crime+%26+co&sort=-date&embed=1',
    );
    expect(decodeState(`?${qs}`, ctx)).toEqual(s);
  });

  it('reads every status core knows, and drops an unknown one', () => {
    expect([...STATUSES].sort()).toEqual([...StatusSchema.options].sort());
    for (const status of STATUSES) expect(decodeState(`status=${status}`, ctx).status).toBe(status);
    expect(decodeState('status=pending', ctx).status).toBeNull();
  });

  it('rounds the zoom so links stay short and stable', () => {
    const s = { ...defaultState(), zoom: { k: 1.23456, x: 0.500004, y: 0.12345678 } };
    expect(encodeState(s)).toBe('zoom=1.235,0.5,0.1235');
  });

  it('keeps an empty category selection (everything hidden) distinct from all shown', () => {
    const none = { ...defaultState(), categories: [] as CategoryId[] };
    expect(encodeState(none)).toBe('cat=');
    expect(decodeState('cat=', ctx).categories).toEqual([]);
    expect(decodeState('cat=mou,mlat,framework', ctx).categories).toBeNull();
  });

  it('drops what it cannot read and keeps the rest', () => {
    const s = decodeState(
      'country=singapore&cat=mou,nope&from=20x5&to=2010&ngo=maybe&view=globe&zoom=0,1,2&compare=fr,XX1,fr,de,us,gb&sort=-size',
      ctx,
    );
    expect(s.country).toBeNull();
    expect(s.categories).toEqual(['mou']);
    expect(s.from).toBeNull();
    expect(s.to).toBe(2010);
    expect(s.nonGovernmental).toBe('include');
    expect(s.view).toBe('map');
    expect(s.zoom).toBeNull();
    expect(s.compare).toEqual(['FR', 'DE', 'US']);
    expect(s.sort).toEqual({ key: 'country', descending: false });
  });

  it('orders categories as the dataset does and swaps an inverted year range', () => {
    const s = decodeState('cat=framework,mlat&from=2016&to=2001', ctx);
    expect(s.categories).toEqual(['mlat', 'framework']);
    expect([s.from, s.to]).toEqual([2001, 2016]);
  });
});
