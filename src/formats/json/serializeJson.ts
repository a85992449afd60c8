import type { DatasetDocument } from '../../core/schemas.ts';
import { DOCUMENT_SHAPE, orderKeys } from './documentShape.ts';

// Deterministic JSON: keys in the schema's field order (fields the schema does not know are left out, as a zod
// parse would), records sorted by id. Browser-safe and free of zod, so a download button stays small; the
// document is validated where it is read (parseFile).

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The dataset document as JSON: stable key order, 2-space indent, trailing newline. */
export function serializeJson(doc: DatasetDocument): string {
  const sorted = { ...doc, agreements: [...doc.agreements].sort(byId), notes: [...doc.notes].sort(byId) };
  return `${JSON.stringify(orderKeys(sorted, DOCUMENT_SHAPE), null, 2)}\n`;
}
