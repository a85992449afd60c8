import type { Agreement, DatasetDocument } from '../core/schemas.ts';

// A version's frozen document is plain JSON.stringify of { schema, dataset, agreements, notes } (the store lists
// records in id order with schema key order). At 100,000 records, parsing the previous version's document again
// cost about as much as everything else a publication does, yet almost every record in it is unchanged. So the
// document is built from one JSON text per record, and the previous one is read record by record: a record whose
// text is byte-identical to the current record's at its place is that record (same id, version, content) and is not
// parsed.

const OPEN = ',"agreements":[';
const CLOSE = '],"notes":[';
/** Between two records: inside a JSON string every quote is escaped, so this occurs only as structure. */
const SEP = '},{"category":"';

/** The JSON text of each agreement, in order (what documentText joins). */
export function agreementTexts(agreements: readonly Agreement[]): string[] {
  return agreements.map((a) => JSON.stringify(a));
}

/** Byte-identical to JSON.stringify(doc), built from the records' texts. */
export function documentText(doc: DatasetDocument, texts: readonly string[]): string {
  const head = JSON.stringify({ schema: doc.schema, dataset: doc.dataset });
  return `${head.slice(0, -1)}${OPEN}${texts.join(',')}],"notes":${JSON.stringify(doc.notes)}}`;
}

/**
 * The previous version's document, its unchanged records taken from `current` (by their JSON text) instead of
 * parsed. A document of another shape (an older format, indentation) is parsed whole, as before.
 */
export function readPreviousDocument(
  text: string,
  current: readonly Agreement[],
  texts: readonly string[],
): DatasetDocument {
  const start = text.indexOf(OPEN);
  const end = text.lastIndexOf(CLOSE);
  if (start < 0 || end < start + OPEN.length || !text.startsWith('{"schema":'))
    return JSON.parse(text) as DatasetDocument;
  try {
    const bodyStart = start + OPEN.length;
    const shell = JSON.parse(`${text.slice(0, bodyStart)}${text.slice(end)}`) as DatasetDocument;
    if (!Array.isArray(shell.agreements) || shell.agreements.length !== 0)
      return JSON.parse(text) as DatasetDocument;
    // Both lists are in id order: walk them together (records added since sit between matches in `current`).
    const agreements: Agreement[] = [];
    let j = 0;
    const take = (record: string): void => {
      if (j < texts.length && record === texts[j]) {
        agreements.push(current[j++]!);
        return;
      }
      const before = JSON.parse(record) as Agreement;
      while (j < current.length && current[j]!.id < before.id) j++;
      if (j < current.length && current[j]!.id === before.id) j++;
      agreements.push(before);
    };
    if (end > bodyStart) {
      let pos = bodyStart;
      for (;;) {
        const next = text.indexOf(SEP, pos);
        if (next < 0 || next >= end) break;
        take(text.slice(pos, next + 1));
        pos = next + 2;
      }
      take(text.slice(pos, end));
    }
    return { ...shell, agreements };
  } catch {
    // Not split where expected (a hand-made or damaged document): the whole parse says what is wrong, if anything.
    return JSON.parse(text) as DatasetDocument;
  }
}
