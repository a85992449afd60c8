import { describe, expect, it } from 'vitest';
import type { CategoryId, CountryCode } from '../../../core/ids.ts';
import { defaultState } from '../state/state.ts';
import { embedLink, mainPageUrl, shareLink } from './links.ts';

describe('page links', () => {
  it('finds the main page from the embed route, with or without a dataset prefix', () => {
    expect(mainPageUrl('https://x.org/embed?cat=mou')).toBe('https://x.org/');
    expect(mainPageUrl('https://x.org/d/trade/embed/')).toBe('https://x.org/d/trade/');
    expect(mainPageUrl('https://x.org/d/trade/?country=FR#map')).toBe('https://x.org/d/trade/');
  });

  it('shares the full state but never embed mode', () => {
    const s = { ...defaultState(), country: 'SG' as CountryCode, embed: true };
    expect(shareLink('https://x.org/', s)).toBe('https://x.org/?country=SG');
    expect(shareLink('https://x.org/', defaultState())).toBe('https://x.org/');
  });

  it('embeds the filters on the embed route, without the open panel or the table', () => {
    const s = {
      ...defaultState(),
      country: 'SG' as CountryCode,
      categories: ['mou'] as CategoryId[],
      view: 'table' as const,
      from: 2010,
    };
    expect(embedLink('https://x.org/d/trade', s)).toBe('https://x.org/d/trade/embed/?cat=mou&from=2010');
  });
});
