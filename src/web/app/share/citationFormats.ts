import type { Dataset } from '../../../core/schemas.ts';
import type { PageVersion } from '../version.ts';

// The citation as files a reference manager imports: BibTeX (@misc, with `version`) and RIS (TY - DATA). Both
// name the version, its publication date and its frozen URL when the page has a version, else the page itself.

export type CitationFacts = {
  dataset: Pick<Dataset, 'id' | 'title' | 'credits' | 'citation' | 'license'>;
  version: Pick<PageVersion, 'number' | 'publishedAt'> | null;
  /** The URL to cite: the version's frozen page when there is one. */
  url: string;
  accessed: Date;
};

const isoDay = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);

/** Braces, backslashes and the characters TeX treats specially, escaped; line breaks flattened. */
export function bibtexEscape(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}%&#$_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\\textbackslash\\\{\\\}/g, '\\textbackslash{}')
    .replace(/\\textasciitilde\\\{\\\}/g, '\\textasciitilde{}')
    .replace(/\\textasciicircum\\\{\\\}/g, '\\textasciicircum{}');
}

function authors(facts: CitationFacts): string[] {
  return facts.dataset.credits.map((c) => c.name.trim()).filter((n) => n !== '');
}

export function citationKey(facts: CitationFacts): string {
  const base = facts.dataset.id.replace(/[^A-Za-z0-9]+/g, '-');
  return facts.version ? `${base}-v${facts.version.number}` : base;
}

export function toBibtex(facts: CitationFacts): string {
  const v = facts.version;
  const year = (v ? v.publishedAt : facts.accessed.toISOString()).slice(0, 4);
  const names = authors(facts);
  const fields: Array<[string, string]> = [
    ['title', `{${bibtexEscape(facts.dataset.title)}}`],
    ...(names.length > 0
      ? ([['author', names.map((n) => `{${bibtexEscape(n)}}`).join(' and ')]] as Array<[string, string]>)
      : []),
    ['year', year],
    ...(v
      ? ([
          ['version', String(v.number)],
          ['date', isoDay(v.publishedAt)],
        ] as Array<[string, string]>)
      : []),
    ['url', facts.url.replace(/[{}\s]/g, '')],
    ['urldate', isoDay(facts.accessed)],
    [
      'note',
      bibtexEscape(
        [
          v ? `Version ${v.number}, published ${isoDay(v.publishedAt)}` : '',
          `Licence: ${facts.dataset.license.name}`,
        ]
          .filter(Boolean)
          .join('. '),
      ),
    ],
  ];
  const body = fields.map(([k, value]) => `  ${k} = {${value}}`).join(',\n');
  return `@misc{${citationKey(facts)},\n${body}\n}\n`;
}

const risValue = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function toRis(facts: CitationFacts): string {
  const v = facts.version;
  const lines: string[] = ['TY  - DATA', `TI  - ${risValue(facts.dataset.title)}`];
  for (const name of authors(facts)) lines.push(`AU  - ${risValue(name)}`);
  if (v) {
    lines.push(`PY  - ${v.publishedAt.slice(0, 4)}`);
    lines.push(`DA  - ${isoDay(v.publishedAt).replace(/-/g, '/')}`);
    lines.push(`ET  - Version ${v.number}`);
  }
  lines.push(`UR  - ${risValue(facts.url)}`);
  lines.push(`Y2  - ${isoDay(facts.accessed).replace(/-/g, '/')}`);
  if (facts.dataset.citation.trim()) lines.push(`N1  - ${risValue(facts.dataset.citation)}`);
  lines.push(`ER  - `, '');
  return lines.join('\r\n');
}
