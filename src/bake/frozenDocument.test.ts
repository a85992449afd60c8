import { describe, expect, it } from 'vitest';
import type { AgreementId, DatasetId, NoteId } from '../core/ids.ts';
import { type Agreement, type DatasetDocument, DOCUMENT_SCHEMA } from '../core/schemas.ts';
import { agreement, testDataset } from '../core/testing/fixtures.ts';
import { makeAgreement, makeNote } from '../store/rows.ts';
import { agreementTexts, documentText, readPreviousDocument } from './frozenDocument.ts';

// The frozen document built from per-record texts is byte-identical to JSON.stringify, and the previous version
// read record by record equals the parsed document, whatever its records hold (quotes, braces, the separator
// itself inside a summary).

const DS = testDataset.id as DatasetId;
const meta = (v: number) => ({
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: `2026-01-0${v}T00:00:00.000Z`,
  version: v,
});

function record(id: string, summary: string, v = 1): Agreement {
  return makeAgreement(
    DS,
    id as AgreementId,
    agreement('mou', ['FR'], { summary, url: 'https://a.example/' }),
    meta(v),
  );
}

function doc(agreements: Agreement[]): DatasetDocument {
  return {
    schema: DOCUMENT_SCHEMA,
    dataset: { ...testDataset, lastPublished: '2026-02-01T00:00:00.000Z' },
    agreements,
    notes: [
      makeNote(DS, 'n-1' as NoteId, { country: 'FR' as never, text: '],"notes":[', sources: [] }, meta(1)),
    ],
  };
}

const tricky = [
  record('a-1', 'plain'),
  record('a-2', '},{"category":"mou" inside a summary'),
  record('a-3', 'quotes " and \\ backslashes \\" ,"agreements":['),
  record('a-4', 'ünïcødé ✓'),
];

describe('frozen document', () => {
  it('is byte-identical to JSON.stringify of the document', () => {
    for (const list of [tricky, [], [tricky[0]!]]) {
      const d = doc(list);
      expect(documentText(d, agreementTexts(list))).toBe(JSON.stringify(d));
    }
  });

  it('reads the previous version as a full parse does, reusing unchanged records', () => {
    const before = doc(tricky);
    const text = JSON.stringify(before);
    // Now: a-1 unchanged, a-2 edited, a-3 removed, a-4 unchanged, a-5 added.
    const now = [tricky[0]!, record('a-2', 'edited', 2), tricky[3]!, record('a-5', 'new')];
    const read = readPreviousDocument(text, now, agreementTexts(now));
    expect(read).toEqual(JSON.parse(text));
    expect(read.agreements[0]).toBe(now[0]);
    expect(read.agreements[3]).toBe(now[2]);
    expect(read.agreements[1]).not.toBe(now[1]);
    for (const list of [[], [tricky[1]!]]) {
      const t = JSON.stringify(doc(list));
      expect(readPreviousDocument(t, tricky, agreementTexts(tricky))).toEqual(JSON.parse(t));
    }
  });

  it('parses a document of another shape (older, indented) whole', () => {
    const text = JSON.stringify(doc(tricky), null, 2);
    expect(readPreviousDocument(text, tricky, agreementTexts(tricky))).toEqual(JSON.parse(text));
  });
});
