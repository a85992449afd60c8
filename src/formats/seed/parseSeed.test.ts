import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset, SEED_TXT } from '../../../test/fixtures/index.ts';
import type { IncomingAgreement } from '../../core/diff.ts';
import { computeStats } from '../../core/stats.ts';
import { parseFile } from '../parseFile.ts';
import type { ParsedFile } from '../types.ts';

const dataset = loadDataset();
const text = readFileSync(SEED_TXT, 'utf8');
const lines = text.split('\n');
const parsed: ParsedFile = await parseFile(
  new Uint8Array(readFileSync(SEED_TXT)),
  'cis-india-cyber-agreements.txt',
  dataset,
);

/** The 1-based line of the row whose first cell is `name`. */
function lineOf(name: string): number {
  const i = lines.findIndex((l) => l.split('\t')[0] === name);
  if (i < 0) throw new Error(`no row ${name}`);
  return i + 1;
}

function of(code: string, category?: string): IncomingAgreement[] {
  return parsed.agreements.filter(
    (a) => a.partners.includes(code as never) && (category === undefined || a.category === category),
  );
}

function lineOfAgreement(a: IncomingAgreement): number | null {
  return parsed.lines.agreements[parsed.agreements.indexOf(a)] ?? null;
}

describe('the CIS seed (.txt)', () => {
  it('reproduces the headline: 39 MLAT partners, 54 MoUs, 10 frameworks, 56 partner countries', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('seed');
    expect(parsed.container).toBe('text');
    const stats = computeStats(dataset, parsed.agreements);
    expect(stats.counts).toEqual({ mlat: 39, mou: 54, framework: 10 });
    expect(stats.partners).toBe(56);
  });

  it('gives records no ids and every record at least one safe source', () => {
    for (const a of parsed.agreements) {
      expect(a.id).toBeUndefined();
      expect(a.sources.length).toBeGreaterThan(0);
      expect(a.sources[0]!.url).toMatch(/^https?:\/\//);
      expect(a.partners).toHaveLength(1);
      expect(a.status).toBe('unknown');
    }
  });

  it('MLATs are undated, with no summary, and point at the CBI treaty text', () => {
    const [az] = of('AZ', 'mlat');
    expect(az?.date).toEqual({ text: '', year: null, month: null, day: null });
    expect(az?.summary).toBe('');
    expect(az?.sources.map((s) => s.url)).toEqual(['http://cbi.nic.in/interpol/mlat/Azerbaijan.pdf']);
  });

  it("dates and comments go to the row's MoU (Australia: Aug 2015, then Apr 2017 on the continuation row)", () => {
    const mous = of('AU', 'mou');
    expect(mous.map((a) => [a.date.text, a.date.year, a.date.month])).toEqual([
      ['Aug 2015', 2015, 8],
      ['Apr 2017', 2017, 4],
    ]);
    expect(mous[0]?.summary).toMatch(/^Signed a framework for operational cooperation/);
    expect(mous[1]?.flags.mentionsOnly).toBe(true);
    expect(lineOfAgreement(mous[1]!)).toBe(lineOf('Australia') + 1);
  });

  it("Iran: an MLAT with a comment and a blank (not n/a) MoU cell — the comment is the MLAT's summary", () => {
    const iran = of('IR');
    expect(iran).toHaveLength(1);
    expect(iran[0]?.category).toBe('mlat');
    expect(iran[0]?.summary).toBe(
      'Cyber crime as an area of cooperation alongside narcotic trade and money laundering',
    );
    expect(parsed.notes.some((n) => n.country === 'IR')).toBe(false);
  });

  it('Brunei & Tunisia: an MoU without a date is kept, undated, without a date warning', () => {
    for (const [code, name] of [
      ['BN', 'Brunei'],
      ['TN', 'Tunisia'],
    ] as const) {
      const [mou] = of(code, 'mou');
      expect(mou?.date).toEqual({ text: '', year: null, month: null, day: null });
      expect(mou?.summary).not.toBe('');
      expect(parsed.warnings.some((w) => w.line === lineOf(name) && w.column === 'DATES')).toBe(false);
    }
  });

  it('Bangladesh "May 29": a warning naming line and column, the text kept and the year unknown', () => {
    const [first] = of('BD', 'mou');
    expect(first?.date).toEqual({ text: 'May 29', year: null, month: null, day: null });
    const w = parsed.warnings.find((p) => p.line === lineOf('Bangladesh') && p.column === 'DATES');
    expect(w?.message).toMatch(/"May 29" has no year/);
  });

  it('Bangladesh continuation row: a cell with two URLs gives two sources, the first one the identity', () => {
    const second = of('BD', 'mou')[1];
    expect(second?.sources.map((s) => s.url)).toEqual([
      'http://www.thefinancialexpress-bd.com/2017/04/11/66547/List-of-total-MOUs,-agreement,-SOPs-signed-between-BD,India/print',
      'http://www.theindependentbd.com/arcprint/details/89237/2017-04-09',
    ]);
    expect(second?.sources.every((s) => s.title === '')).toBe(true);
  });

  it('Finland, Israel and Italy are non-governmental; the others are not', () => {
    for (const code of ['FI', 'IL', 'IT']) expect(of(code, 'mou')[0]?.flags.nonGovernmental).toBe(true);
    expect(of('AU', 'mou')[0]?.flags.nonGovernmental).toBe(false);
    expect(parsed.agreements.filter((a) => a.flags.nonGovernmental)).toHaveLength(3);
  });

  it('South Africa "MULTILATERAL: BRICS" is multilateral', () => {
    expect(of('ZA', 'mou')[0]?.flags.multilateral).toBe(true);
    expect(parsed.agreements.filter((a) => a.flags.multilateral)).toHaveLength(1);
  });

  it('mentionsOnly: Belgium ("mentioned"), Germany ("no mention of"), Serbia ("mentions")', () => {
    expect(of('BE', 'mou')[0]?.flags.mentionsOnly).toBe(true);
    expect(of('DE', 'mou')[0]?.flags.mentionsOnly).toBe(true);
    expect(of('RS', 'mou')[1]?.flags.mentionsOnly).toBe(true);
    expect(of('CA', 'mou')[0]?.flags.mentionsOnly).toBe(false);
  });

  it('notes: Croatia, Libya, Turkmenistan (comment only) and Bahrain (MLAT with an n/a MoU cell)', () => {
    const codes = parsed.notes.map((n) => n.country).sort();
    expect(codes).toEqual(['BH', 'DM', 'EE', 'HR', 'LY', 'TM']);
    expect(parsed.notes.find((n) => n.country === 'HR')?.text).toMatch(
      /^MoU on cooperation in Information Technology/,
    );
    expect(parsed.notes.find((n) => n.country === 'LY')?.text).toMatch(/nothing about cyber spaces/);
    expect(parsed.notes.find((n) => n.country === 'TM')?.text).toMatch(/no mention of cyber/);
    const bahrain = parsed.notes.find((n) => n.country === 'BH');
    expect(bahrain?.text).toMatch(/^Signed a pact with Bahrain/);
    expect(of('BH', 'mlat')[0]?.summary).toBe('');
    expect(parsed.lines.notes[parsed.notes.indexOf(bahrain!)]).toBe(lineOf('Bahrain'));
  });

  it("notes: Dominica's leading URL and Estonia's URL-only comment become the note's sources", () => {
    const dm = parsed.notes.find((n) => n.country === 'DM');
    expect(dm?.sources.map((s) => s.url)).toEqual([
      'http://dominicanewsonline.com/news/homepage/news/technology/dominica-embarks-on-major-ict-project/',
    ]);
    expect(dm?.text).toMatch(/^No agreements ON Cyber security but:/);
    const ee = parsed.notes.find((n) => n.country === 'EE');
    expect(ee?.sources.map((s) => s.url)).toEqual([
      'http://www.ega.ee/news/indian-digital-developer-gathering-from-estonia-ideas-for-digital-india/',
    ]);
    expect(ee?.text).toBe('');
  });

  it('Singapore: the MLAT link is on the continuation row after a page-break header', () => {
    const sg = of('SG');
    expect(sg.map((a) => a.category)).toEqual(['mou', 'mlat', 'mou', 'framework']);
    const mlat = of('SG', 'mlat')[0]!;
    expect(mlat.sources[0]?.url).toBe('http://cbi.nic.in/interpol/mlat/Singapore.pdf');
    const header = lineOf('Singapore') + 2;
    expect(lines[header - 1]).toMatch(/^COUNTRY\t/);
    expect(lineOfAgreement(mlat)).toBe(header + 1);
  });

  it('United Kingdom, United States and Vietnam continue across page breaks', () => {
    expect(of('GB').map((a) => a.category)).toEqual(['mou', 'mlat', 'mou', 'framework']);
    expect(of('US').map((a) => a.category)).toEqual(['mou', 'mou', 'mlat', 'mou', 'framework']);
    expect(of('VN').map((a) => a.category)).toEqual(['mlat', 'mou', 'mou']);
    expect(of('VN', 'mou')[1]?.date.text).toBe('Jan 2017');
  });

  it('typos are read as the nearest country, with a warning naming the line (Meixco, Mongoila, Uniter States)', () => {
    for (const [name, code, country] of [
      ['Meixco', 'MX', 'Mexico'],
      ['Mongoila', 'MN', 'Mongolia'],
      ['Uniter States of America', 'US', 'United States'],
    ] as const) {
      const w = parsed.warnings.find((p) => p.line === lineOf(name) && p.column === 'COUNTRY');
      expect(w?.message).toMatch(new RegExp(`^"${name}" read as ${country}.* \\(typo, \\d edits?\\)`));
      expect(of(code).length).toBeGreaterThan(0);
    }
    const mx = parsed.resolutions?.find((r) => r.resolution.input === 'Meixco');
    expect(mx?.resolution.match).toBe('fuzzy');
  });

  it('two rows for one country are reported with both lines and merged (Burma/Myanmar, East Timor/Timor-Leste, Gaza Strip/West Bank)', () => {
    for (const [a, b] of [
      ['Burma', 'Myanmar'],
      ['East Timor', 'Timor-Leste'],
      ['Gaza Strip', 'West Bank'],
    ] as const) {
      const w = parsed.warnings.find((p) => p.line === lineOf(b) && p.message.includes('same country'));
      expect(w?.message).toContain(`"${a}" (line ${lineOf(a)})`);
      expect(w?.message).toContain(`"${b}" (line ${lineOf(b)})`);
    }
    expect(of('MM').map((a) => a.category)).toEqual(['mlat', 'mou']);
  });

  it('a date on a row without an MoU is a warning naming line and column, and is used nowhere', async () => {
    const tsv = [
      'COUNTRY\tMLAT\tMOU\tDATES\tCOMMENTS\tFRAMEWORK',
      'Chile\thttp://cbi.nic.in/interpol/mlat/Chile.pdf\tn/a\tAug 2015\t\tn/a',
    ].join('\n');
    const r = await parseFile(new TextEncoder().encode(tsv), 'chile.tsv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        line: 2,
        column: 'DATES',
        message: expect.stringMatching(/"Aug 2015" belongs to no MoUs/),
      }),
    );
    expect(r.agreements[0]?.date.year).toBeNull();
  });

  it('a data row is never mistaken for a header, even when its name contains "name" and its URLs "mou"', async () => {
    const tsv = [
      'COUNTRY\tMLAT\tMOU\tDATES\tCOMMENTS\tFRAMEWORK',
      'Suriname\thttp://example.org/mlat.pdf\thttp://example.org/mou-framework\tAug 2015\tAn MoU\tn/a',
      'Country / territory\tMLAT treaties\tMoUs\tDate\tComment\tFrameworks',
      'Chile\thttp://example.org/cl.pdf\tn/a\t\tn/a\tn/a',
    ].join('\n');
    const r = await parseFile(new TextEncoder().encode(tsv), 'sr.tsv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements.map((a) => `${a.partners[0]}:${a.category}`)).toEqual([
      'SR:mlat',
      'SR:mou',
      'CL:mlat',
    ]);
  });

  it('reads a header in other words: "Partner", spelled-out categories, "Date of MoU" is the date, "Remarks"', async () => {
    const csv = [
      'Partner,Mutual Legal Assistance Treaty,Memorandum of Understanding,Date of MoU,Remarks,Cyber Framework',
      'France,https://example.org/fr-mlat,https://example.org/fr-mou,"March 3, 2016",A cyber dialogue,',
    ].join('\r\n');
    const r = await parseFile(new TextEncoder().encode(csv), 'own-words.csv', dataset);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    const mou = r.agreements.find((a) => a.category === 'mou');
    expect(mou?.date).toMatchObject({ year: 2016, month: 3, day: 3 });
    expect(mou?.summary).toBe('A cyber dialogue');
    expect(r.agreements.map((a) => a.category)).toEqual(['mlat', 'mou']);
  });

  it('reads a sheet whose country column comes after a row-number column ("S.No.") or an empty one', async () => {
    for (const [first, rows] of [
      ['S.No.', ['1', '2']],
      ['', ['', '']],
    ] as const) {
      const csv = [
        `${first},Country,MLAT,MoU,Date,Comments,Framework`,
        `${rows[0]},France,https://example.org/fr-mlat,https://example.org/fr-mou,2016,An MoU,`,
        `${rows[1]},Japan,,https://example.org/jp-mou,2015,,`,
      ].join('\n');
      const r = await parseFile(new TextEncoder().encode(csv), 'numbered.csv', dataset);
      expect(r.errors, JSON.stringify(first)).toEqual([]);
      expect(r.agreements.map((a) => `${a.partners[0]}:${a.category}`)).toEqual([
        'FR:mlat',
        'FR:mou',
        'JP:mou',
      ]);
      expect(r.lines.agreements).toEqual([2, 2, 3]);
    }
  });

  it('two records with the same identity in one file are reported as duplicates', async () => {
    const tsv = [
      'COUNTRY\tMLAT\tMOU\tDATES\tCOMMENTS\tFRAMEWORK',
      'Chile\tn/a\thttp://example.org/cl-mou\tAug 2015\tFirst\tn/a',
      '\tn/a\thttp://example.org/cl-mou http://example.org/other\tSep 2015\tSecond\tn/a',
    ].join('\n');
    const r = await parseFile(new TextEncoder().encode(tsv), 'dup.tsv', dataset);
    expect(r.agreements).toHaveLength(2);
    const w = r.warnings.find((p) => p.line === 3);
    expect(w?.message).toMatch(/same agreement as line 2/);
  });

  it("the real seed has no unexpected errors and names every warning's line", () => {
    for (const w of parsed.warnings) expect(w.line).not.toBeNull();
  });
});
