import { describe, expect, it } from 'vitest';
import { planImport } from './diff.ts';
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
    const plan = planImport({ agreements: [checked], notes: [] }, { agreements: [a], notes: [] });
    expect(plan.unchanged).toBe(1);
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
