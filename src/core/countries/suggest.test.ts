import { describe, expect, it } from 'vitest';
import { suggestCountries } from './suggest.ts';

const codes = (q: string, limit?: number): string[] => suggestCountries(q, limit).map((s) => s.iso2);

describe('suggestCountries', () => {
  it('finds Myanmar by its old name "Burma" beside the countries whose names begin "Bur"', () => {
    const s = suggestCountries('bur');
    expect(s.map((x) => x.iso2).sort()).toEqual(['BF', 'BI', 'MM']);
    expect(s.find((x) => x.iso2 === 'MM')).toEqual({ iso2: 'MM', name: 'Myanmar', matched: 'Burma' });
    // A country's own name ranks before another country's alias.
    expect(s.at(-1)?.iso2).toBe('MM');
  });

  it('puts the United Kingdom first for "uk", matched on the abbreviation', () => {
    const s = suggestCountries('uk');
    expect(s[0]).toEqual({ iso2: 'GB', name: 'United Kingdom', matched: 'UK' });
    expect(codes('uk')).toContain('UA');
  });

  it('completes a later word: "south ko" is South Korea', () => {
    expect(suggestCountries('south ko')[0]).toEqual({
      iso2: 'KR',
      name: 'South Korea',
      matched: 'South Korea',
    });
    expect(codes('south ko')).not.toContain('KP');
  });

  it('ignores accents and case: "cote" and "CÔTE" find Côte d’Ivoire', () => {
    expect(suggestCountries('cote')[0]).toMatchObject({ iso2: 'CI', name: "Côte d'Ivoire" });
    expect(suggestCountries('CÔTE')[0]?.iso2).toBe('CI');
  });

  it('offers the country a typo means when nothing begins with it ("Phillipines", "Columbia")', () => {
    expect(codes('Phillipines')).toEqual(['PH']);
    expect(codes('Columbia')[0]).toBe('CO');
    expect(codes('Srilanka')).toEqual(['LK']);
    // A real match keeps typo guesses out; short words need their first letter.
    expect(codes('Oman')).toEqual(['OM']);
    expect(codes('xyzzyq')).toEqual([]);
  });

  it('matches word beginnings, not the middle of words', () => {
    expect(codes('korea').sort()).toEqual(['KP', 'KR']);
    expect(codes('stan')).toEqual([]); // Pakistan, Afghanistan... end in it; no word starts with it
    expect(codes('sudan')).toEqual(['SD', 'SS']);
  });

  it('keeps the last word as typed, so "is" still finds Israel and Iceland', () => {
    const c = codes('is', 20);
    expect(c).toContain('IL');
    expect(c).toContain('IS');
  });

  it('expands "St" while typing "St Lu"', () => {
    expect(codes('st lu')).toEqual(['LC']);
  });

  it('offers a country by its exact ISO code first', () => {
    expect(suggestCountries('ind')[0]).toEqual({ iso2: 'IN', name: 'India', matched: 'IND' });
    expect(codes('ind')).toContain('ID');
  });

  it('lists each country once, at most `limit` of them', () => {
    const c = codes('a', 5);
    expect(c.length).toBe(5);
    expect(new Set(codes('s', 50)).size).toBe(codes('s', 50).length);
    expect(codes('a', 0)).toEqual([]);
  });

  it('offers nothing for an empty query, a stopword or gibberish, and no dissolved country', () => {
    expect(suggestCountries('')).toEqual([]);
    expect(suggestCountries('   ')).toEqual([]);
    expect(suggestCountries('the')).toEqual([]);
    expect(suggestCountries('xyzzy')).toEqual([]);
    expect(codes('netherlands antilles')).toEqual([]);
  });
});
