import { describe, expect, it } from 'vitest';
import {
  invertComma,
  nameVariants,
  normalizeName,
  splitParentheses,
  stripStateForm,
} from './normalizeName.ts';

describe('normalizeName', () => {
  it.each([
    ["Côte d'Ivoire", "Cote d'Ivoire"],
    ["Côte d'Ivoire", 'COTE D’IVOIRE'],
    ['Bosnia & Herzegovina', 'Bosnia and Herzegovina'],
    ['Bosnia & Herzegovina', 'Bosnia Herzegovina'],
    ['St Pierre & Miquelon', 'Saint Pierre and Miquelon'],
    ['St. Lucia', 'Saint Lucia'],
    ['Turks & Caicos Is.', 'Turks and Caicos Islands'],
    ['Central African Rep.', 'Central African Republic'],
    ['The Gambia', 'Gambia'],
    ['Micronesia, Fed. St.', 'Micronesia, Federated States of'],
    ['  United   Kingdom ', 'United Kingdom'],
    ['Guinea-Bissau', 'Guinea Bissau'],
    ['Åland Islands', 'Aland Islands'],
    ['Curaçao', 'Curacao'],
    ['U.S.A.', 'USA'],
    ['Türkiye', 'Turkiye'],
    ['Germany¹', 'Germany'],
    ['France†', 'France'],
  ])('treats "%s" and "%s" as the same name', (a, b) => {
    expect(normalizeName(a)).toBe(normalizeName(b));
    expect(normalizeName(a)).not.toBe('');
  });

  it.each([
    ['Niger', 'Nigeria'],
    ['Dominica', 'Dominican Republic'],
    ['Sudan', 'South Sudan'],
    ['Samoa', 'American Samoa'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(normalizeName(a)).not.toBe(normalizeName(b));
  });

  it('expands abbreviations only when asked, so a search box can match what is still being typed', () => {
    expect(normalizeName('St Kitts')).toBe('saint kitts');
    expect(normalizeName('is', false)).toBe('is');
    expect(normalizeName('is')).toBe('islands');
  });

  it('reads "Fed. Rep." as federal, not federated', () => {
    expect(normalizeName('Fed. Rep. of Germany')).toBe('federal republic germany');
  });
});

describe('name parts', () => {
  it('inverts a name with exactly one comma', () => {
    expect(invertComma('Korea, South')).toBe('South Korea');
    expect(invertComma('Korea')).toBeUndefined();
    expect(invertComma('a, b, c')).toBeUndefined();
    expect(invertComma(', x')).toBeUndefined();
  });

  it('splits bracketed qualifiers from the name', () => {
    expect(splitParentheses('DRC (Democratic Republic of the Congo)')).toEqual({
      outside: 'DRC',
      inside: ['Democratic Republic of the Congo'],
    });
    expect(splitParentheses('Virgin Islands [U.S.]')).toEqual({
      outside: 'Virgin Islands',
      inside: ['U.S.'],
    });
    expect(splitParentheses('Congo')).toBeUndefined();
  });

  it('finds the short name inside a formal one', () => {
    expect(stripStateForm('Federal Republic of Nigeria')).toBe('nigeria');
    expect(stripStateForm('Kingdom of the Netherlands')).toBe('netherlands');
    expect(stripStateForm('Isle of Man')).toBeUndefined();
    expect(stripStateForm('United States of America')).toBeUndefined();
  });

  it('orders variants from the whole name to its parts', () => {
    expect(nameVariants('Sudan (South)')).toEqual([['sudan south'], ['south sudan'], ['sudan', 'south']]);
    expect(nameVariants('Korea, South')).toEqual([['korea south'], ['south korea']]);
    expect(nameVariants('Congo (DRC)')).toEqual([['congo drc'], ['drc congo'], ['congo', 'drc']]);
    expect(nameVariants('')).toEqual([]);
  });
});
