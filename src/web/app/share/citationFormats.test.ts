import { describe, expect, it } from 'vitest';
import { testDataset } from '../../../core/testing/fixtures.ts';
import { citationText } from './Citation.tsx';
import { bibtexEscape, type CitationFacts, toBibtex, toRis } from './citationFormats.ts';

// The citation names the version, its date and its frozen URL, as text, BibTeX and RIS; special characters
// cannot break out of a BibTeX field or an RIS line.

const facts: CitationFacts = {
  dataset: {
    ...testDataset,
    title: 'Mapping of India’s 50% {cyber} agreements_v2',
    credits: [
      { role: 'Research', name: 'Centre for Internet & Society' },
      { role: 'Design', name: 'A. N.\nOther' },
    ],
    citation: 'CIS (2017). Mapping.',
  },
  version: { number: 3, publishedAt: '2026-12-06T10:00:00.000Z' },
  url: 'https://atlas.example.org/v/3/',
  accessed: new Date('2026-12-07T09:00:00Z'),
};

describe('citation downloads', () => {
  it('BibTeX names the version, its date and the frozen URL, escaped', () => {
    const bib = toBibtex(facts);
    expect(bib).toMatch(/^@misc\{test-v3,\n/);
    expect(bib).toContain('title = {{Mapping of India’s 50\\% \\{cyber\\} agreements\\_v2}}');
    expect(bib).toContain('author = {{Centre for Internet \\& Society} and {A. N. Other}}');
    expect(bib).toContain('version = {3}');
    expect(bib).toContain('date = {2026-12-06}');
    expect(bib).toContain('year = {2026}');
    expect(bib).toContain('url = {https://atlas.example.org/v/3/}');
    expect(bib).toContain('urldate = {2026-12-07}');
    expect(bibtexEscape('a\\b~c^d')).toBe('a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d');
  });

  it('RIS is a DATA record with the edition, dates and URL, one field a line', () => {
    const ris = toRis(facts).split('\r\n');
    expect(ris[0]).toBe('TY  - DATA');
    expect(ris).toContain('AU  - A. N. Other');
    expect(ris).toContain('ET  - Version 3');
    expect(ris).toContain('DA  - 2026/12/06');
    expect(ris).toContain('UR  - https://atlas.example.org/v/3/');
    expect(ris).toContain('Y2  - 2026/12/07');
    expect(ris.at(-2)).toBe('ER  - ');
  });

  it('the text citation names the version and its frozen URL', () => {
    expect(
      citationText('CIS (2017).', facts.url, facts.accessed, {
        ...facts.version!,
        frozen: false,
        frozenHref: 'v/3/',
        latestHref: './',
        changesHref: 'changes/',
      }),
    ).toBe(
      'CIS (2017). Version 3 (published December 6, 2026). https://atlas.example.org/v/3/ Accessed December 7, 2026.',
    );
  });
});
