import { describe, expect, it } from 'vitest';
import type { AgreementId, DatasetId, NoteId } from './ids.ts';
import type { Agreement, AgreementContent, CountryNote } from './schemas.ts';
import { agreement, testDataset } from './testing/fixtures.ts';
import { sameContent, versionChanges } from './versionChanges.ts';

function stored(id: string, c: AgreementContent, updatedAt = 't'): Agreement {
  return { ...c, id: id as AgreementId, dataset: 'd' as DatasetId, createdAt: 't', updatedAt, version: 1 };
}

describe('versionChanges', () => {
  const sg = stored('a1', agreement('mou', ['SG'], { url: 'https://x.example/1', year: 2015 }));
  const fr = stored('a2', agreement('mlat', ['FR'], { url: 'https://x.example/2' }));

  it('names added, changed (with fields) and removed records by category, partners and date', () => {
    const jp = stored('a3', agreement('framework', ['JP'], { year: 2017 }));
    const changes = versionChanges(
      [sg, fr],
      [{ ...sg, summary: 'new', date: { ...sg.date, year: 2016 } }, jp],
    );
    expect(changes.added).toEqual([{ id: 'a3', category: 'framework', partners: ['JP'], date: '2017' }]);
    expect(changes.changed).toEqual([
      { id: 'a1', category: 'mou', partners: ['SG'], date: '2016', fields: ['date', 'summary'] },
    ]);
    expect(changes.removed).toEqual([{ id: 'a2', category: 'mlat', partners: ['FR'], date: '' }]);
  });

  it('sees nothing in a new timestamp or a link check', () => {
    const checked = {
      ...sg,
      updatedAt: 'later',
      version: 2,
      sources: sg.sources.map((s) => ({ ...s, httpStatus: 404, lastChecked: '2026-01-01' })),
    };
    expect(versionChanges([sg, fr], [fr, checked])).toEqual({ added: [], changed: [], removed: [] });
  });

  it('compares notes and the dataset settings too, but not the publication time', () => {
    const note: CountryNote = {
      id: 'n1' as NoteId,
      dataset: 'd' as DatasetId,
      country: 'SG' as CountryNote['country'],
      text: 'MoU found',
      sources: [],
      createdAt: 't',
      updatedAt: 't',
      version: 1,
    };
    const doc = { dataset: testDataset, agreements: [sg], notes: [note] };
    expect(sameContent(doc, { ...doc, dataset: { ...testDataset, lastPublished: 'now' } })).toBe(true);
    expect(sameContent(doc, { ...doc, notes: [{ ...note, text: 'MoU found, not cyber' }] })).toBe(false);
    expect(sameContent(doc, { ...doc, dataset: { ...testDataset, title: 'Renamed' } })).toBe(false);
    expect(sameContent(doc, { ...doc, agreements: [] })).toBe(false);
  });
});
