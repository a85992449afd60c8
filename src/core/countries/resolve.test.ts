import { describe, expect, it } from 'vitest';
import { allCountries, countryNames } from './registry.ts';
import { resolveCountry, resolveMany } from './resolve.ts';

describe('resolveCountry: exact names and codes', () => {
  it.each([
    ['India', 'IN'],
    ['IN', 'IN'],
    ['in', 'IN'],
    ['IND', 'IN'],
    ['ind', 'IN'],
    ['356', 'IN'],
    ['GBR', 'GB'],
    ['XK', 'XK'],
    ['  india  ', 'IN'],
    ['INDIA', 'IN'],
  ])('%s -> %s (exact)', (input, code) => {
    expect(resolveCountry(input)).toMatchObject({ input, iso2: code, match: 'exact' });
  });

  it('resolves every country by its own name, each of its English names, and its alpha-3 code', () => {
    for (const c of allCountries()) {
      expect(resolveCountry(c.name), c.name).toMatchObject({ iso2: c.iso2, match: 'exact', name: c.name });
      expect(resolveCountry(c.iso3).iso2, c.iso3).toBe(c.iso2);
      for (const n of countryNames(c.iso2)) {
        if (n === 'Congo') continue; // an ISO name of both Congos: ambiguous, below
        expect(resolveCountry(n).iso2, `${c.iso2}: ${n}`).toBe(c.iso2);
      }
    }
  });

  it.each([
    ['Hong Kong SAR, China', 'HK'],
    ['Macao SAR, China', 'MO'],
    ['Deutschland', 'DE'],
    ['ESPAÑA', 'ES'],
    ['Osterreich', 'AT'],
    ['Kibris', 'CY'],
    ['Bharat', 'IN'],
    ['Suisse', 'CH'],
  ])('%s -> %s: World Bank spellings and names in the own language (alias)', (input, code) => {
    expect(resolveCountry(input)).toMatchObject({ iso2: code, match: 'alias' });
  });

  it('does not take unknown codes or numbers for countries', () => {
    expect(resolveCountry('ZZ').match).toBe('none');
    expect(resolveCountry('999').match).toBe('none');
  });
});

describe('resolveCountry never answers confidently wrong', () => {
  // Pairs of names a step apart: each must resolve exactly to itself.
  it.each([
    ['Niger', 'NE'],
    ['Nigeria', 'NG'],
    ['Dominica', 'DM'],
    ['Dominican Republic', 'DO'],
    ['Guinea', 'GN'],
    ['Guinea-Bissau', 'GW'],
    ['Equatorial Guinea', 'GQ'],
    ['Papua New Guinea', 'PG'],
    ['Sudan', 'SD'],
    ['South Sudan', 'SS'],
    ['Austria', 'AT'],
    ['Australia', 'AU'],
    ['Iran', 'IR'],
    ['Iraq', 'IQ'],
    ['Mali', 'ML'],
    ['Malta', 'MT'],
    ['Malawi', 'MW'],
    ['Oman', 'OM'],
    ['Samoa', 'WS'],
    ['American Samoa', 'AS'],
    ['Slovakia', 'SK'],
    ['Slovenia', 'SI'],
    ['Gambia', 'GM'],
    ['Zambia', 'ZM'],
    ['Georgia', 'GE'],
    ['Saint Martin', 'MF'],
    ['Sint Maarten', 'SX'],
  ])('%s is exactly %s', (input, code) => {
    expect(resolveCountry(input)).toMatchObject({ iso2: code, match: 'exact' });
  });

  it.each([
    ['Roman', 'OM'],
    ['Bali', 'ML'],
    ['Sout Amerika', 'ZA'],
    ['Papua', 'PG'],
  ])('does not take "%s" for %s, but may suggest it', (input, wrong) => {
    const r = resolveCountry(input);
    expect(r.match).toBe('none');
    expect(r.iso2).toBeNull();
    if (input === 'Roman') expect(r.candidates?.map((c) => c.iso2)).toContain(wrong);
  });

  it.each([
    ['Korea', ['KP', 'KR']],
    ['Congo', ['CD', 'CG']],
    ['Nigera', ['NE', 'NG']],
    ['Dominican', ['DM', 'DO']],
  ])('"%s" is ambiguous between %j', (input, codes) => {
    const r = resolveCountry(input);
    expect(r.match).toBe('ambiguous');
    expect(r.iso2).toBeNull();
    expect(r.candidates?.map((c) => c.iso2).sort()).toEqual(codes);
    expect(r.note).toBeTruthy();
  });

  it.each([
    ['Austira', 'AT'],
    ['Australai', 'AU'],
    ['Slovakai', 'SK'],
    ['Slovenai', 'SI'],
    ['Gambai', 'GM'],
    ['Zambai', 'ZM'],
    ['Iraqq', 'IQ'],
    ['Guinea Bisau', 'GW'],
    ['Equatorial Guinae', 'GQ'],
    ['Nigerria', 'NG'],
  ])('reads the typo "%s" as %s, and says so', (input, code) => {
    const r = resolveCountry(input);
    expect(r).toMatchObject({ iso2: code, match: 'fuzzy' });
    expect(r.distance).toBeGreaterThan(0);
    expect(r.note).toMatch(/^typo for /);
  });

  it.each(['xyzzyq', 'qwertyuiop', 'Lorem ipsum dolor', '???', '12345', 'Atlantis', 'Narnia', 'ab'])(
    'finds no country in "%s"',
    (input) => {
      const r = resolveCountry(input);
      expect(r.match).toBe('none');
      expect(r.iso2).toBeNull();
      expect(r.name).toBeNull();
    },
  );

  it('does not fuzzy-match names of three letters or fewer', () => {
    expect(resolveCountry('Cba').match).toBe('none'); // one edit from "Cuba" and from the code CUB
    expect(resolveCountry('UKK').match).toBe('none');
  });

  it('calls an empty input none', () => {
    expect(resolveCountry('   ')).toMatchObject({ iso2: null, match: 'none', note: 'empty name' });
  });
});

describe('resolveCountry: qualifiers and inverted names', () => {
  it.each([
    ['Sudan (South)', 'SS'],
    ['Korea (South)', 'KR'],
    ['Korea, Dem. People’s Rep.', 'KP'],
    ['Congo (Kinshasa)', 'CD'],
    ['Congo (Brazzaville)', 'CG'],
    ['Congo (DRC)', 'CD'],
    ['Congo, Dem. Rep.', 'CD'],
    ['Congo, Rep.', 'CG'],
    ['Virgin Islands (U.S.)', 'VI'],
    ['Virgin Is. (British)', 'VG'],
    ['Virgin Islands, British', 'VG'],
    ['Falkland Islands (Malvinas)', 'FK'],
    ['Falkland Islands', 'FK'],
    ['Iran, Islamic Rep.', 'IR'],
    ['Gambia, The', 'GM'],
    ['Bahamas, The', 'BS'],
    ['Federal Republic of Nigeria', 'NG'],
    ['Republic of Nigeria', 'NG'],
    ['Republic of Niger', 'NE'],
    ['Netherlands Antilles (Curaçao)', 'CW'],
  ])('%s -> %s', (input, code) => {
    expect(resolveCountry(input).iso2).toBe(code);
  });
});

describe('fuzzy matches', () => {
  it.each([
    ['Meixco', 'MX', 'Mexico'],
    ['Mongoila', 'MN', 'Mongolia'],
    ['Uniter States of America', 'US', 'United States of America'],
  ])('reads "%s" as %s with its distance and a note', (input, code, typoOf) => {
    expect(resolveCountry(input)).toEqual({
      input,
      iso2: code,
      name: code === 'US' ? 'United States' : typoOf,
      match: 'fuzzy',
      distance: 1,
      note: `typo for ${typoOf} (1 edit)`,
    });
  });

  it('carries the alias note through a typo of an alias', () => {
    const r = resolveCountry('Burmah');
    expect(r).toMatchObject({ iso2: 'MM', match: 'fuzzy', distance: 1 });
    expect(r.note).toBe('typo for Burma (1 edit); historic name; now Myanmar');
  });
});

describe('resolveMany', () => {
  it('resolves in order, and a repeated input once', () => {
    const rs = resolveMany(['Burma', 'Myanmar', 'Burma', 'Meixco']);
    expect(rs.map((r) => r.iso2)).toEqual(['MM', 'MM', 'MM', 'MX']);
    expect(rs[0]).toBe(rs[2]);
    expect(resolveMany([])).toEqual([]);
  });
});
