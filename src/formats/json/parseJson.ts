import type { z } from 'zod';
import { getCountry } from '../../core/countries/index.ts';
import { CARRIES_ALL, type IncomingAgreement, type IncomingNote } from '../../core/diff.ts';
import { type DatasetDocument, DatasetDocumentSchema, DOCUMENT_SCHEMA } from '../../core/schemas.ts';
import type { ParsedContent } from '../parsedContent.ts';
import { Problems } from '../problems.ts';

// The JSON dataset document is validated whole with its zod schema; each issue becomes a problem whose column is
// the JSON path (agreements[3].sources[0].url) and whose message names the record's id when it has one.

export type ParsedJson = ParsedContent & { document: DatasetDocument | null };

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s === '' ? '' : '.'}${String(p)}`;
  return s || '(document)';
}

/** Where the document holds a string with U+0000 (a database's text refuses it), as a path; null when nowhere. */
function nulPath(value: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  const entries: Array<[PropertyKey, unknown]> = Array.isArray(value)
    ? value.map((v, i): [PropertyKey, unknown] => [i, v])
    : Object.entries(value);
  for (const [key, v] of entries) {
    const found = nulPath(v, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

function recordId(input: unknown, path: ReadonlyArray<PropertyKey>): string | null {
  const [list, i] = path;
  if (
    (list !== 'agreements' && list !== 'notes') ||
    typeof i !== 'number' ||
    typeof input !== 'object' ||
    input === null
  )
    return null;
  const rec = (input as Record<string, unknown[]>)[list]?.[i] as { id?: unknown } | undefined;
  return typeof rec?.id === 'string' ? rec.id : null;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const id = recordId(input, issue.path);
  return `${id ? `record "${id}": ` : ''}${issue.message}. Fix the value, or export the document again from Accord Atlas`;
}

function checkContent(doc: DatasetDocument, problems: Problems): void {
  const categories = new Set<string>(doc.dataset.categories.map((c) => c.id));
  const seen = new Set<string>();
  const where = (list: string, i: number, field: string): string => `${list}[${i}].${field}`;
  doc.agreements.forEach((a, i) => {
    if (seen.has(a.id))
      problems.error(null, where('agreements', i, 'id'), `id "${a.id}" is used twice; ids must be unique`);
    seen.add(a.id);
    if (a.dataset !== doc.dataset.id)
      problems.error(
        null,
        where('agreements', i, 'dataset'),
        `record "${a.id}" belongs to dataset "${a.dataset}", not "${doc.dataset.id}"`,
      );
    if (!categories.has(a.category)) {
      problems.error(
        null,
        where('agreements', i, 'category'),
        `record "${a.id}": unknown category "${a.category}"; the dataset's categories are ${[...categories].join(', ')}`,
      );
    }
    a.partners.forEach((p, k) => {
      if (p === doc.dataset.focalCountry)
        problems.error(
          null,
          `${where('agreements', i, 'partners')}[${k}]`,
          `record "${a.id}": the dataset's own country ${p} cannot be a partner`,
        );
      else if (!getCountry(p))
        problems.error(
          null,
          `${where('agreements', i, 'partners')}[${k}]`,
          `record "${a.id}": ${p} is not a country code this tool knows`,
        );
    });
  });
  doc.notes.forEach((n, i) => {
    if (seen.has(n.id))
      problems.error(null, where('notes', i, 'id'), `id "${n.id}" is used twice; ids must be unique`);
    seen.add(n.id);
    if (!getCountry(n.country))
      problems.error(
        null,
        where('notes', i, 'country'),
        `note "${n.id}": ${n.country} is not a country code this tool knows`,
      );
  });
}

export function parseJson(text: string): ParsedJson {
  const problems = new Problems();
  const out: ParsedJson = {
    agreements: [],
    notes: [],
    lines: { agreements: [], notes: [] },
    warnings: problems.warnings,
    errors: problems.errors,
    resolutions: [],
    document: null,
    // The document is validated whole: every record has every key, so it carries every field.
    carries: { ...CARRIES_ALL },
  };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? lineOfOffset(text, Number(pos[1])) : null;
    problems.error(
      line,
      null,
      `the file is not valid JSON (${msg}); export it again, or fix it in a text editor`,
    );
    return out;
  }
  const schema = (input as { schema?: unknown } | null)?.schema;
  if (typeof input !== 'object' || input === null || schema !== DOCUMENT_SCHEMA) {
    problems.error(
      null,
      'schema',
      `this JSON is not an Accord Atlas dataset document (its "schema" must be "${DOCUMENT_SCHEMA}"); export one with \`atlas export --format json\``,
    );
    return out;
  }
  const nul = nulPath(input, []);
  if (nul !== null) {
    problems.error(
      null,
      pathText(nul),
      'the text holds a NUL character (\\u0000), which no text of a dataset can hold; remove it and import again',
    );
    return out;
  }
  const parsed = DatasetDocumentSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.error(null, pathText(issue.path), issueMessage(issue, input));
    return out;
  }
  const doc = parsed.data;
  checkContent(doc, problems);
  out.document = doc;
  out.agreements = doc.agreements.map(
    (a): IncomingAgreement => ({
      id: a.id,
      category: a.category,
      partners: a.partners,
      title: a.title,
      date: a.date,
      summary: a.summary,
      sources: a.sources,
      flags: a.flags,
      status: a.status,
    }),
  );
  out.notes = doc.notes.map(
    (n): IncomingNote => ({ id: n.id, country: n.country, text: n.text, sources: n.sources }),
  );
  out.lines = { agreements: doc.agreements.map(() => null), notes: doc.notes.map(() => null) };
  return out;
}
