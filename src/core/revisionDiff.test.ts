import { describe, expect, it } from 'vitest';
import { revisionDiff } from './revisionDiff.ts';
import type { Agreement } from './schemas.ts';

// What a revision changed, field by field: the store's revert and the history both rest on it.

const record: Agreement = {
  id: 'mou-us-1' as Agreement['id'],
  dataset: 'd' as Agreement['dataset'],
  category: 'mou' as Agreement['category'],
  partners: ['US'] as Agreement['partners'],
  title: '',
  date: { text: 'Aug 2015', year: 2015, month: 8, day: null },
  summary: 'S',
  sources: [],
  flags: { nonGovernmental: false, multilateral: false, mentionsOnly: false },
  status: 'unknown',
  version: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('revisionDiff', () => {
  it('lists the content fields an update changed, not its version or timestamps', () => {
    const after = { ...record, title: 'T', status: 'signed' as const, version: 2, updatedAt: 'later' };
    expect(revisionDiff({ entity: 'agreement', before: record, after })).toEqual([
      { field: 'title', before: '', after: 'T' },
      { field: 'status', before: 'unknown', after: 'signed' },
    ]);
  });

  it('a create lists what the record was made with (null before); a delete what it had', () => {
    const created = revisionDiff({ entity: 'agreement', before: null, after: record });
    expect(created.map((d) => d.field)).toEqual(['category', 'partners', 'date', 'summary']);
    expect(created.every((d) => d.before === null)).toBe(true);
    const deleted = revisionDiff({ entity: 'agreement', before: record, after: null });
    expect(deleted.map((d) => [d.field, d.after])).toEqual([
      ['category', null],
      ['partners', null],
      ['date', null],
      ['summary', null],
    ]);
  });

  it('diffs notes by their own fields', () => {
    const note = { id: 'n', dataset: 'd', country: 'KE', text: 'a', sources: [], version: 1 };
    expect(revisionDiff({ entity: 'note', before: note, after: { ...note, text: 'b', version: 2 } })).toEqual(
      [{ field: 'text', before: 'a', after: 'b' }],
    );
  });
});
