import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadDataset } from '../../../test/fixtures/index.ts';
import { parseFile } from '../parseFile.ts';
import { readXlsxHyperlinks } from './xlsxHyperlinks.ts';

// Source cells that are hyperlinks: the address is imported, the cell's label becomes the source's title.
// Workbooks are written with write-excel-file; it writes HYPERLINK formulas but not cell hyperlinks, so those are
// added to its output the way Excel stores them (a <hyperlink> element and an external relationship).

const dataset = loadDataset();
const text = (value: string) => ({ value, type: String });
const formula = (value: string) => ({ value, type: 'Formula' as const });

/** Adds cell hyperlinks (cell ref → address) to the first sheet of a workbook. */
function withCellLinks(book: Uint8Array, links: Record<string, string>): Uint8Array {
  const files = unzipSync(book);
  const sheet = 'xl/worksheets/sheet1.xml';
  const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
  const entries = Object.entries(links);
  const hyperlinks = entries.map(([ref], i) => `<hyperlink ref="${ref}" r:id="rIdLink${i}"/>`).join('');
  const relations = entries
    .map(
      ([, url], i) =>
        `<Relationship Id="rIdLink${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${url.replace(/&/g, '&amp;')}" TargetMode="External"/>`,
    )
    .join('');
  files[sheet] = strToU8(
    strFromU8(files[sheet]!).replace('</sheetData>', `</sheetData><hyperlinks>${hyperlinks}</hyperlinks>`),
  );
  const relsXml = files[rels]
    ? strFromU8(files[rels])
    : '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  files[rels] = strToU8(relsXml.replace('</Relationships>', `${relations}</Relationships>`));
  return zipSync(files);
}

describe('XLSX hyperlinks', () => {
  it('seed layout: a linked label gives the address with the label as title; linked names stay names', async () => {
    const book = await writeXlsxFile(
      [
        ['COUNTRY', 'MLAT', 'MOU', 'DATES', 'COMMENTS', 'FRAMEWORK'].map(text),
        [
          text('Chile'),
          null,
          formula('=HYPERLINK("https://example.org/cl?a=1&b=2","MEA press release")'),
          text('Aug 2015'),
          text('An MoU'),
          null,
        ],
        [text('Peru'), text('Treaty text'), null, null, null, null],
        [text('Brazil'), text('https://example.org/br-mlat'), null, null, null, null],
      ],
      { sheet: 'Data' },
    ).toBuffer();
    const bytes = withCellLinks(new Uint8Array(book), {
      B3: 'https://example.org/pe-treaty.pdf',
      A4: 'https://en.wikipedia.org/wiki/Brazil',
      B4: 'https://example.org/other',
    });
    expect(readXlsxHyperlinks(bytes).get('Data')?.get(3)?.get(1)?.url).toBe(
      'https://example.org/pe-treaty.pdf',
    );
    const r = await parseFile(bytes, 'linked.xlsx', dataset);
    expect(r.errors).toEqual([]);
    const by = (iso: string) => r.agreements.find((a) => a.partners[0] === iso);
    expect(by('CL')?.sources).toMatchObject([
      { url: 'https://example.org/cl?a=1&b=2', title: 'MEA press release' },
    ]);
    expect(by('PE')?.sources).toMatchObject([
      { url: 'https://example.org/pe-treaty.pdf', title: 'Treaty text' },
    ]);
    // A cell that shows an address is read as shown; the country cell's link to Wikipedia changes nothing.
    expect(by('BR')?.sources).toMatchObject([{ url: 'https://example.org/br-mlat', title: '' }]);
    expect(r.agreements.map((a) => a.partners[0]).sort()).toEqual(['BR', 'CL', 'PE']);
  });

  it('normalized table: a linked source_urls cell gives its address, titled by its label', async () => {
    const book = await writeXlsxFile(
      [
        ['kind', 'category', 'partners', 'date', 'summary', 'source_urls'].map(text),
        [
          text('agreement'),
          text('mou'),
          text('FR'),
          text('2016-01'),
          text('Cyber dialogue'),
          text('Press release'),
        ],
      ],
      { sheet: 'Agreements' },
    ).toBuffer();
    const bytes = withCellLinks(new Uint8Array(book), { F2: 'https://example.org/fr' });
    const r = await parseFile(bytes, 'normalized.xlsx', dataset);
    expect(r.errors).toEqual([]);
    expect(r.agreements[0]?.sources).toMatchObject([
      { url: 'https://example.org/fr', title: 'Press release' },
    ]);
  });

  it('a link to a javascript: address is refused like a typed one, naming the row and column', async () => {
    const book = await writeXlsxFile(
      [
        ['COUNTRY', 'MLAT', 'MOU', 'DATES', 'COMMENTS', 'FRAMEWORK'].map(text),
        [text('Chile'), text('click me'), null, null, null, null],
      ],
      { sheet: 'Data' },
    ).toBuffer();
    const r = await parseFile(
      withCellLinks(new Uint8Array(book), { B2: 'javascript:alert(1)' }),
      'bad.xlsx',
      dataset,
    );
    expect(r.errors).toEqual([
      { line: 2, column: 'MLAT', message: expect.stringMatching(/full web address/) },
    ]);
  });
});
