import { type DatasetDocument, DatasetDocumentSchema } from '../../core/schemas.ts';

// Deterministic JSON: zod's parse output follows the schema's field order (and drops fields the schema does
// not know), so key order is the schema's; records are sorted by id. Browser-safe.

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The dataset document as JSON: stable key order, 2-space indent, trailing newline. Throws if it is invalid. */
export function serializeJson(doc: DatasetDocument): string {
  const clean = DatasetDocumentSchema.parse({
    ...doc,
    agreements: [...doc.agreements].sort(byId),
    notes: [...doc.notes].sort(byId),
  });
  return `${JSON.stringify(clean, null, 2)}\n`;
}
