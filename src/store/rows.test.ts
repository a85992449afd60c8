import { describe, expect, it } from 'vitest';
import type { AgreementId, DatasetId } from '../core/ids.ts';
import { agreement } from '../core/testing/fixtures.ts';
import {
  type AgreementRow,
  agreementToRow,
  makeAgreement,
  rowToAgreement,
  rowToAgreementValidated,
} from './rows.ts';

// Reading a row checks its structure only (the store validated it on write): the result must be exactly what the
// schema parse gave — same keys, same order, unknown keys dropped — and a malformed row must still fail with an
// error naming the record and the field.

const stored = makeAgreement(
  'test' as DatasetId,
  'a-1' as AgreementId,
  agreement('mou', ['FR', 'SG'], {
    title: 'Accord',
    date: { text: '14 Aug 2015', year: 2015, month: 8, day: 14 },
    summary: 'A summary',
    sources: [
      { url: 'https://a.example/x', title: 'A', archivedUrl: null, lastChecked: null, httpStatus: null },
      {
        url: 'https://b.example/y',
        title: 'B',
        archivedUrl: 'https://web.archive.org/b',
        lastChecked: '2026-01-01T00:00:00.000Z',
        httpStatus: 200,
        finalUrl: null,
      },
    ],
    flags: { nonGovernmental: true, multilateral: false, mentionsOnly: true },
    status: 'in-force',
  }),
  { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', version: 3 },
);

function row(overrides: Partial<AgreementRow> = {}): AgreementRow {
  return { ...(agreementToRow(stored) as unknown as AgreementRow), ...overrides };
}

describe('rowToAgreement', () => {
  it('gives what the schema parse gives, byte for byte, in both dialects’ column types', () => {
    const fromPg = row({ version: '3' as unknown as number });
    for (const r of [row(), fromPg]) {
      expect(JSON.stringify(rowToAgreement(r))).toBe(JSON.stringify(rowToAgreementValidated(r)));
      expect(rowToAgreement(r)).toEqual(stored);
    }
  });

  it('puts sources in schema key order and drops unknown keys, as the parse did', () => {
    const sources = JSON.stringify([
      {
        httpStatus: null,
        title: 'T',
        extra: 1,
        url: 'https://a.example/',
        lastChecked: null,
        archivedUrl: null,
      },
    ]);
    const read = rowToAgreement(row({ sources }));
    expect(JSON.stringify(read.sources)).toBe(
      JSON.stringify(rowToAgreementValidated(row({ sources })).sources),
    );
    expect(Object.keys(read.sources[0]!)).toEqual([
      'url',
      'title',
      'archivedUrl',
      'lastChecked',
      'httpStatus',
    ]);
  });

  it('names the record and the field of a malformed row', () => {
    expect(() => rowToAgreement(row({ status: 'bogus' }))).toThrow(
      /stored agreement "a-1" is invalid at status: .*Fix the record in the database or re-import/,
    );
    expect(() => rowToAgreement(row({ partners: '[]' }))).toThrow(
      /stored agreement "a-1" is invalid at partners/,
    );
    expect(() => rowToAgreement(row({ sources: '[{"url":5}]' }))).toThrow(
      /stored agreement "a-1" is invalid at sources\.0\.url/,
    );
    expect(() => rowToAgreement(row({ version: 0 }))).toThrow(/stored agreement "a-1" is invalid at version/);
  });

  it('never reads back a source that is not an http(s) link, even one written around the store', () => {
    const bad = (source: Record<string, unknown>): string =>
      JSON.stringify([
        {
          url: 'https://example.org/a',
          title: '',
          archivedUrl: null,
          lastChecked: null,
          httpStatus: null,
          ...source,
        },
      ]);
    expect(() => rowToAgreement(row({ sources: bad({ url: 'javascript:alert(1)' }) }))).toThrow(
      /stored agreement "a-1" is invalid at sources\.0\.url/,
    );
    expect(() => rowToAgreement(row({ sources: bad({ archivedUrl: 'data:text/html,x' }) }))).toThrow(
      /stored agreement "a-1" is invalid at sources\.0\.archivedUrl/,
    );
  });
});
