import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCountry, resolveMany } from './resolve.ts';

// Every country name in the first column of the shipped seed sheet (after its first header row; repeated
// header rows and continuation rows with an empty first cell skipped).
function seedNames(): string[] {
  const text = readFileSync(new URL('../../../data/cis-india-cyber-agreements.txt', import.meta.url), 'utf8');
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith('COUNTRY\t'));
  expect(header).toBeGreaterThanOrEqual(0);
  return lines
    .slice(header + 1)
    .map((l) => (l.split('\t')[0] ?? '').trim())
    .filter((n) => n !== '' && n !== 'COUNTRY');
}

describe('the seed sheet', () => {
  const names = seedNames();

  it('has its ~230 country rows', () => {
    expect(names.length).toBeGreaterThan(200);
    expect(names).toContain('Meixco');
  });

  it('resolves every country name, none of them ambiguous', () => {
    const failed = resolveMany(names).filter((r) => r.iso2 === null && r.successors === undefined);
    expect(failed).toEqual([]);
    for (const r of resolveMany(names)) expect(r.match, r.input).not.toMatch(/^(none|ambiguous)$/);
  });

  it('reads exactly its three typos as fuzzy matches', () => {
    const fuzzy = resolveMany(names).filter((r) => r.match === 'fuzzy');
    expect(fuzzy.map((r) => [r.input, r.iso2, r.distance])).toEqual([
      ['Meixco', 'MX', 1],
      ['Mongoila', 'MN', 1],
      ['Uniter States of America', 'US', 1],
    ]);
  });

  it('has Netherlands Antilles as its one dissolved country', () => {
    const dissolved = resolveMany(names).filter((r) => r.successors !== undefined);
    expect(dissolved.map((r) => r.input)).toEqual(['Netherlands Antilles']);
  });

  it.each([
    ['Burma', 'Myanmar'],
    ['East Timor', 'Timor-Leste'],
    ['Gaza Strip', 'West Bank'],
  ])('resolves "%s" and "%s" to the same country', (a, b) => {
    expect(names).toContain(a);
    expect(names).toContain(b);
    const ra = resolveCountry(a);
    expect(ra.iso2).not.toBeNull();
    expect(ra.iso2).toBe(resolveCountry(b).iso2);
  });

  it('resolves all its names well under 50 ms once the index is built', () => {
    resolveCountry('India'); // builds the index
    // CPU time, best of five: other work on a shared machine stretches wall time, not the work done here.
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const start = process.cpuUsage();
      resolveMany(names);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    expect(best).toBeLessThan(50);
  });
});
