import { describe, expect, it } from 'vitest';
import { CARRIES_ALL, type Carried, planImport } from './diff.ts';
import { makeAgreementId } from './identity.ts';
import type { AgreementId, DatasetId, NoteId } from './ids.ts';
import type { Agreement, AgreementContent, CountryNote } from './schemas.ts';
import { agreement } from './testing/fixtures.ts';

function stored(c: AgreementContent, id = makeAgreementId(c)): Agreement {
  return { ...c, id, dataset: 'd' as DatasetId, createdAt: 't', updatedAt: 't', version: 1 };
}

describe('planImport', () => {
  const a = agreement('mou', ['SG'], { url: 'http://x.example/1', summary: 'old' });
  const b = agreement('mlat', ['FR'], { url: 'http://x.example/2' });
  const current = { agreements: [stored(a), stored(b)], notes: [] as CountryNote[] };

  it('matches by identity when the sheet has no ids, and reports field changes', () => {
    const plan = planImport(current, {
      agreements: [{ ...a, summary: 'new' }, agreement('framework', ['JP'], { url: 'http://x.example/3' })],
      notes: [],
    });
    expect(plan.changed).toHaveLength(1);
    expect(plan.changed[0]!.fields).toEqual([{ field: 'summary', before: 'old', after: 'new' }]);
    expect(plan.added.map((x) => x.id)).toEqual([
      makeAgreementId(agreement('framework', ['JP'], { url: 'http://x.example/3' })),
    ]);
    expect(plan.removed.map((x) => x.id)).toEqual([makeAgreementId(b)]);
    expect(plan.unchanged).toBe(0);
  });

  it('sees no change when the same data is imported again', () => {
    const plan = planImport(current, { agreements: [a, b], notes: [] });
    expect([plan.added.length, plan.changed.length, plan.removed.length, plan.unchanged]).toEqual([
      0, 0, 0, 2,
    ]);
  });

  it('matches by id first, so a changed source URL is a change, not a remove and an add', () => {
    const id = makeAgreementId(a);
    const moved = { ...a, id, sources: [{ ...a.sources[0]!, url: 'https://x.example/moved' }] };
    const plan = planImport(current, { agreements: [moved, b], notes: [] });
    expect(plan.changed.map((c) => c.id)).toEqual([id]);
    expect(plan.added).toHaveLength(0);
  });

  it('keeps link-check metadata the sheet does not carry', () => {
    const checked = stored({
      ...a,
      sources: [{ ...a.sources[0]!, httpStatus: 200, lastChecked: '2026-01-01' }],
    });
    const carries = { ...CARRIES_ALL, linkChecks: false };
    const plan = planImport({ agreements: [checked], notes: [] }, { agreements: [a], notes: [] }, carries);
    expect(plan.unchanged).toBe(1);
    // A file that carries link checks (the JSON document) sets them as it says.
    expect(
      planImport({ agreements: [checked], notes: [] }, { agreements: [a], notes: [] }).changed,
    ).toHaveLength(1);
  });

  describe('fields a file does not carry keep their stored values', () => {
    const seedLike: Carried = {
      ...CARRIES_ALL,
      title: false,
      status: false,
      sourceTitles: false,
      archivedUrls: false,
      linkChecks: false,
    };
    const edited = stored({
      ...a,
      title: 'Memorandum on cyber security',
      status: 'in-force',
      sources: [
        {
          url: a.sources[0]!.url,
          title: 'Press release',
          archivedUrl: 'https://web.archive.org/web/2016/x',
          lastChecked: '2026-01-01T00:00:00.000Z',
          httpStatus: 404,
        },
      ],
    });

    it('a sheet without title, status, source titles or archived copies changes none of them: 0 changed', () => {
      const plan = planImport({ agreements: [edited], notes: [] }, { agreements: [a], notes: [] }, seedLike);
      expect([plan.changed.length, plan.unchanged]).toEqual([0, 1]);
    });

    it('a carried field changes, and the change keeps what is not carried', () => {
      const later = {
        ...a,
        summary: 'new summary',
        sources: [...a.sources, { ...a.sources[0]!, url: 'https://x.example/new', title: 'Label' }],
      };
      const plan = planImport(
        { agreements: [edited], notes: [] },
        { agreements: [later], notes: [] },
        seedLike,
      );
      const after = plan.changed[0]!.after;
      expect(plan.changed[0]!.fields.map((f) => f.field)).toEqual(['summary', 'sources']);
      expect([after.title, after.status]).toEqual(['Memorandum on cyber security', 'in-force']);
      expect(after.sources[0]).toEqual(edited.sources[0]);
      // A source the record did not have takes what the file says of it.
      expect(after.sources[1]).toMatchObject({
        url: 'https://x.example/new',
        title: 'Label',
        archivedUrl: null,
      });
    });

    it('a file that carries a column sets it, even to empty', () => {
      const plan = planImport(
        { agreements: [edited], notes: [] },
        { agreements: [a], notes: [] },
        { ...seedLike, title: true, archivedUrls: true },
      );
      const diff = plan.changed[0]!.fields;
      expect(diff.map((f) => f.field)).toEqual(['title', 'sources']);
      expect(diff[0]).toEqual({ field: 'title', before: 'Memorandum on cyber security', after: '' });
      expect(plan.changed[0]!.after.sources[0]).toMatchObject({
        title: 'Press release',
        archivedUrl: null,
        httpStatus: 404,
      });
    });

    it('a file without a sources column or a date keeps both', () => {
      const bare = { ...a, sources: [], date: { text: '', year: null, month: null, day: null } };
      const id = edited.id;
      const plan = planImport(
        { agreements: [edited], notes: [] },
        { agreements: [{ ...bare, id }], notes: [] },
        { ...seedLike, sources: false, date: false },
      );
      expect(plan.unchanged).toBe(1);
    });

    it('notes keep their text and sources when the file does not carry them', () => {
      const note: CountryNote = {
        id: 'note-hr-1' as NoteId,
        dataset: 'd' as DatasetId,
        country: 'HR' as never,
        text: 'kept',
        sources: [
          { url: 'https://n.example/', title: 'T', archivedUrl: null, lastChecked: null, httpStatus: null },
        ],
        createdAt: 't',
        updatedAt: 't',
        version: 1,
      };
      const plan = planImport(
        { agreements: [], notes: [note] },
        { agreements: [], notes: [{ id: note.id, country: note.country, text: '', sources: [] }] },
        { ...seedLike, summary: false, sources: false },
      );
      expect(plan.notes.unchanged).toBe(1);
    });
  });

  it('gives two records with the same identity distinct ids', () => {
    const plan = planImport({ agreements: [], notes: [] }, { agreements: [a, a], notes: [] });
    const ids = plan.added.map((x) => x.id as AgreementId);
    expect(new Set(ids).size).toBe(2);
  });

  it('treats the edited text of a country’s only note as a change to it', () => {
    const note: CountryNote = {
      id: 'note-hr-1' as NoteId,
      dataset: 'd' as DatasetId,
      country: 'HR' as never,
      text: 'old note',
      sources: [],
      createdAt: 't',
      updatedAt: 't',
      version: 1,
    };
    const plan = planImport(
      { agreements: [], notes: [note] },
      { agreements: [], notes: [{ country: 'HR' as never, text: 'new note', sources: [] }] },
    );
    expect(plan.notes.changed.map((c) => c.id)).toEqual(['note-hr-1']);
    expect(plan.notes.added).toHaveLength(0);
  });
});
