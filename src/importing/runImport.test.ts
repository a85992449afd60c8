import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadDataset, SEED_TXT } from '../../test/fixtures/index.ts';
import type { AgreementId } from '../core/ids.ts';
import { type Agreement, DOCUMENT_SCHEMA } from '../core/schemas.ts';
import { serializeCsv, serializeJson, serializeXlsx } from '../formats/index.ts';
import { tempStore, testDialects } from '../store/testing.ts';
import type { Store } from '../store/types.ts';
import { type ImportReport, ImportReportSchema, runImport } from './runImport.ts';

// The import and the editor, on a real database of each dialect: an import changes only what its file carries,
// a preview binds (basis), and the report names the records.

const dataset = loadDataset();
const seedText = readFileSync(SEED_TXT, 'utf8');
const seedBytes = new TextEncoder().encode(seedText);
/** The seed sheet with Germany's MoU dated `date`. */
const germanyDated = (text: string, date: string): string =>
  text.replace(/^(Germany\t[^\t]*\t[^\t]*\t)Oct 2015\t/m, `$1${date}\t`);
const by = { actor: 'test', reason: 'import of the seed' };

/** The seed sheet, cell for cell as text, in a real workbook. */
async function seedXlsx(text: string): Promise<Uint8Array> {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.split('\t').map((v) => (v === '' ? null : { value: v, type: String })));
  const buf = await writeXlsxFile(rows).toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

for (const { dialect, skip } of testDialects()) {
  describe.skipIf(skip !== null)(`imports and the editor's work on ${dialect}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const imp = (bytes: Uint8Array, fileName: string, more: Partial<Parameters<typeof runImport>[1]> = {}) =>
      runImport(store, { bytes, fileName, target: dataset, dryRun: false, by, ...more });
    const mou = async (partner: string): Promise<Agreement> => {
      const all = await store.listAgreements(dataset.id);
      return all.find((a) => a.category === 'mou' && a.partners.includes(partner as never))!;
    };

    beforeAll(async () => {
      ({ store, dispose } = await tempStore(dialect));
      await store.putDataset(dataset, by);
      const first = await imp(seedBytes, 'seed.txt');
      expect(first.errors).toEqual([]);
      expect(first.added).toBeGreaterThan(90);
      // The editor's work: a title, a status, a source's title, an archived copy and a link check.
      const de = await mou('DE');
      const src = de.sources[0]!;
      await store.updateAgreement(
        de.id,
        de.version,
        {
          title: 'MoU on security cooperation',
          status: 'in-force',
          sources: [
            {
              ...src,
              title: 'PIB press release',
              archivedUrl: 'https://web.archive.org/web/2016/http://pib.nic.in/x',
              httpStatus: 404,
              lastChecked: '2026-01-02T00:00:00.000Z',
            },
          ],
        },
        { actor: 'editor@example.org', reason: 'titled' },
      );
    }, 60_000);
    afterAll(async () => dispose?.());

    it('re-importing the seed sheet (.txt) after editor work changes nothing', async () => {
      const r = await imp(seedBytes, 'seed.txt', { dryRun: true });
      expect([r.changed, r.added, r.removed]).toEqual([0, 0, 0]);
      const de = await mou('DE');
      expect([de.title, de.status, de.sources[0]!.title]).toEqual([
        'MoU on security cooperation',
        'in-force',
        'PIB press release',
      ]);
    });

    it('re-importing the same sheet as a seed-layout workbook (.xlsx) changes nothing', async () => {
      const r = await imp(await seedXlsx(seedText), 'seed.xlsx');
      expect(r.errors).toEqual([]);
      expect([r.changed, r.added, r.removed]).toEqual([0, 0, 0]);
    });

    it('export CSV → import is lossless (status, titles, archived copies): 0 changed, and so is XLSX and JSON', async () => {
      const agreements = await store.listAgreements(dataset.id);
      const notes = await store.listNotes(dataset.id);
      const csv = new TextEncoder().encode(serializeCsv(dataset, agreements, notes));
      expect(new TextDecoder().decode(csv)).toContain('https://web.archive.org/web/2016/http://pib.nic.in/x');
      for (const [bytes, name] of [
        [csv, 'export.csv'],
        [await serializeXlsx(dataset, agreements, notes), 'export.xlsx'],
        [
          new TextEncoder().encode(
            serializeJson({
              schema: DOCUMENT_SCHEMA,
              dataset: (await store.getDataset(dataset.id))!,
              agreements,
              notes,
            }),
          ),
          'export.json',
        ],
      ] as const) {
        const r = await imp(bytes, name);
        expect(r.errors, name).toEqual([]);
        expect([r.changed, r.added, r.removed, r.notes.changed], name).toEqual([0, 0, 0, 0]);
      }
      const de = await mou('DE');
      expect(de.sources[0]).toMatchObject({
        archivedUrl: expect.stringContaining('web.archive.org'),
        httpStatus: 404,
      });
    });

    it('a normalized CSV without a status or title column keeps both; with an empty archived cell clears it', async () => {
      const de = await mou('DE');
      const cols = ['id', 'category', 'partners', 'date', 'summary', 'source_urls'];
      const all = await store.listAgreements(dataset.id);
      const line = (a: Agreement): string =>
        [
          a.id,
          a.category,
          a.partners.join(';'),
          a.date.year === null ? '' : a.date.text,
          a.summary,
          a.sources.map((s) => s.url).join(' '),
        ]
          .map((v) => `"${v.replace(/"/g, '""')}"`)
          .join(',');
      const csv = `${cols.join(',')}\r\n${all.map(line).join('\r\n')}\r\n`;
      const r = await imp(new TextEncoder().encode(csv), 'partial.csv', { dryRun: true });
      expect(r.errors).toEqual([]);
      // date: the text is the column's value, the same date; nothing else differs.
      expect(r.changes.filter((c) => c.id === de.id)).toEqual([]);
    });

    it('a refused apply (the dataset changed since the preview) writes nothing; the fresh basis applies', async () => {
      const changedSheet = new TextEncoder().encode(germanyDated(seedText, 'Nov 2015'));
      const preview = await imp(changedSheet, 'seed.txt', { dryRun: true });
      expect(preview.changed).toBe(1);
      expect(preview.basis).toMatch(/^[\w-]{10,}$/);
      // Cheap and stable: the same state names the same basis.
      expect((await imp(changedSheet, 'seed.txt', { dryRun: true })).basis).toBe(preview.basis);

      const fi = await mou('FI');
      await store.updateAgreement(fi.id, fi.version, { title: 'GFSU MoU' }, { actor: 'editor', reason: '' });
      const revisionsBefore = (await store.listDatasetRevisions(dataset.id, 1000)).length;
      const refused = await imp(changedSheet, 'seed.txt', { basis: preview.basis });
      expect(refused.basisChanged).toBe(true);
      expect(refused.dryRun).toBe(true);
      expect(refused.basis).not.toBe(preview.basis);
      expect(refused.changed).toBe(1);
      expect((await store.listDatasetRevisions(dataset.id, 1000)).length).toBe(revisionsBefore);
      expect((await mou('DE')).date.text).toBe('Oct 2015');

      const applied = await imp(changedSheet, 'seed.txt', {
        basis: refused.basis,
        by: { actor: 'cli', reason: 'dates from the MEA list' },
      });
      expect(applied.basisChanged).toBeUndefined();
      expect((await mou('DE')).date.text).toBe('Nov 2015');
      const [rev] = await store.listRevisions((await mou('DE')).id);
      expect(rev).toMatchObject({ action: 'update', reason: 'dates from the MEA list' });
    });

    it('the basis names the state: a note edit or a configuration change gives another; nothing else does', async () => {
      const basis = () => store.datasetBasis(dataset.id);
      const first = await basis();
      expect(await basis()).toBe(first);
      const [note] = await store.listNotes(dataset.id);
      await store.updateNote(note!.id, note!.version, { text: `${note!.text} (checked)` }, by);
      const afterNote = await basis();
      expect(afterNote).not.toBe(first);
      await store.putDataset({ ...dataset, description: 'changed' }, by);
      expect(await basis()).not.toBe(afterNote);
      await store.putDataset(dataset, by);
    });

    it('the report names every added, changed and removed record, with before → after per field', async () => {
      // Germany's MoU dated back, Finland's MoU gone, a Netherlands MoU new.
      const sheet = seedText
        .replace(/^Finland\tn\/a\thttp:\/\/www\.business-standard[^\t]*\t/m, 'Finland\tn/a\tn/a\t')
        .replace(
          /^Netherlands\tn\/a\tn\/a\t\tn\/a/m,
          'Netherlands\tn/a\thttps://nl.example/mou\tAug 2016\tn/a',
        );
      const r: ImportReport = ImportReportSchema.parse(
        await imp(new TextEncoder().encode(sheet), 'seed.txt', { dryRun: true }),
      );
      const de = await mou('DE');
      expect(r.changes).toEqual([
        {
          id: de.id,
          fields: ['date'],
          category: 'mou',
          partners: ['DE'],
          diff: [
            {
              field: 'date',
              before: { text: 'Nov 2015', year: 2015, month: 11, day: null },
              after: { text: 'Oct 2015', year: 2015, month: 10, day: null },
            },
          ],
        },
      ]);
      const nlLine = sheet.split('\n').findIndex((l) => l.startsWith('Netherlands\t')) + 1;
      expect(r.addedRecords).toEqual([{ category: 'mou', partners: ['NL'], date: 'Aug 2016', line: nlLine }]);
      expect(r.removedRecords).toEqual([
        { id: (await mou('FI')).id as AgreementId, category: 'mou', partners: ['FI'], date: 'Dec 2014' },
      ]);
      expect([r.added, r.changed, r.removed]).toEqual([1, 1, 1]);
    });
  });
}
