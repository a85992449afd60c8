import { describe, expect, it } from 'vitest';
import { ALIASES } from './aliases.ts';
import { nameIndex } from './nameIndex.ts';
import { normalizeName } from './normalizeName.ts';
import { byAlpha3, getCountry } from './registry.ts';
import { resolveCountry } from './resolve.ts';

describe('alias table', () => {
  it('names only countries the registry knows, with a note on every entry', () => {
    for (const a of ALIASES) {
      expect(a.note.trim(), a.names.join('/')).not.toBe('');
      expect(a.names.length).toBeGreaterThan(0);
      for (const code of [a.iso2, ...(a.successors ?? []), ...(a.candidates ?? [])]) {
        if (code !== null) expect(getCountry(code), `${a.names[0]}: ${code}`).toBeDefined();
      }
      // An entry is one of: a country, a dissolved country, an ambiguous name, or a region (none of these).
      const kinds = [a.iso2 !== null, a.successors !== undefined, a.candidates !== undefined].filter(Boolean);
      expect(kinds.length, a.names[0]).toBeLessThanOrEqual(1);
      if (a.candidates) expect(a.candidates.length).toBeGreaterThan(1);
    }
  });

  it('never contradicts an ISO name: the only colliding name is "Congo", which is ambiguous', () => {
    expect(nameIndex().conflicts).toEqual(['"congo" is an ISO name of CD and CG']);
  });

  it('lists no name twice', () => {
    const keys = ALIASES.flatMap((a) => a.names.map((n) => normalizeName(n)));
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('agrees with the ISO codes on every short name that is also a code', () => {
    for (const [key, entry] of nameIndex().entries) {
      if (!/^[a-z]{2,3}$/.test(key)) continue;
      const byCode = key.length === 2 ? getCountry(key) : byAlpha3(key);
      if (byCode !== undefined && entry.codes.length > 0) expect(entry.codes, key).toEqual([byCode.iso2]);
    }
  });
});

describe('aliases resolve', () => {
  it.each([
    ['Burma', 'MM'],
    ['Swaziland', 'SZ'],
    ['eSwatini', 'SZ'],
    ['Macedonia', 'MK'],
    ['FYROM', 'MK'],
    ['North Macedonia', 'MK'],
    ['East Timor', 'TL'],
    ['Timor-Leste', 'TL'],
    ['Korea, South', 'KR'],
    ['South Korea', 'KR'],
    ['Republic of Korea', 'KR'],
    ['Korea, North', 'KP'],
    ['North Korea', 'KP'],
    ['DPRK', 'KP'],
    ['DRC', 'CD'],
    ['DRC (Democratic Republic of the Congo)', 'CD'],
    ['Congo-Kinshasa', 'CD'],
    ['Zaire', 'CD'],
    ['Republic of the Congo', 'CG'],
    ['Congo-Brazzaville', 'CG'],
    ['Micronesia, Fed. St.', 'FM'],
    ['N. Mariana Islands', 'MP'],
    ['Gaza Strip', 'PS'],
    ['West Bank', 'PS'],
    ['Palestine', 'PS'],
    ['Central African Rep.', 'CF'],
    ['British Virgin Is.', 'VG'],
    ['Virgin Islands', 'VI'],
    ['Turks & Caicos Is.', 'TC'],
    ['St Pierre & Miquelon', 'PM'],
    ['Saint Helena', 'SH'],
    ['Cabo Verde', 'CV'],
    ['Cape Verde', 'CV'],
    ['Ivory Coast', 'CI'],
    ["Cote d'Ivoire", 'CI'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['Britain', 'GB'],
    ['USA', 'US'],
    ['US', 'US'],
    ['America', 'US'],
    ['United States of America', 'US'],
    ['UAE', 'AE'],
    ['Holland', 'NL'],
    ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['Russia', 'RU'],
    ['Iran', 'IR'],
    ['Syria', 'SY'],
    ['Laos', 'LA'],
    ['Vietnam', 'VN'],
    ['Brunei', 'BN'],
    ['Macau', 'MO'],
    ['Bosnia', 'BA'],
    ['Bosnia & Herzegovina', 'BA'],
    ['Antigua & Barbuda', 'AG'],
    ['Trinidad & Tobago', 'TT'],
    ['Saint Kitts & Nevis', 'KN'],
    ['Vatican', 'VA'],
    ['Holy See', 'VA'],
    ['Taiwan', 'TW'],
    ['Kosovo', 'XK'],
    ['Ceylon', 'LK'],
    ['The Bahamas', 'BS'],
  ])('%s -> %s', (input, code) => {
    const r = resolveCountry(input);
    expect(r.iso2).toBe(code);
    expect(r.name).toBe(getCountry(code)?.name);
    expect(['exact', 'alias']).toContain(r.match);
    if (r.match === 'alias') expect(r.note).toBeTruthy();
  });

  it('explains a historic name', () => {
    expect(resolveCountry('Burma')).toEqual({
      input: 'Burma',
      iso2: 'MM',
      name: 'Myanmar',
      match: 'alias',
      note: 'historic name; now Myanmar',
    });
  });

  it.each(['Netherlands Antilles', 'Antilles', 'netherlands antilles'])(
    'resolves "%s" as dissolved, with its successors',
    (input) => {
      const r = resolveCountry(input);
      expect(r.iso2).toBeNull();
      expect(r.match).toBe('alias');
      expect(r.successors).toEqual(['BQ', 'CW', 'SX']);
      expect(r.note).toMatch(/dissolved/);
    },
  );

  it('says a region is not a country', () => {
    const r = resolveCountry('South America');
    expect(r).toMatchObject({ iso2: null, match: 'none' });
    expect(r.note).toMatch(/region/);
  });
});
