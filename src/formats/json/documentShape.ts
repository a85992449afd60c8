// The key order of the JSON document, field by field as in core/schemas.ts. Kept here as plain data so the
// browser's download button does not have to load zod; documentShape.test.ts checks it against the schemas.

export type Shape = { keys: readonly string[]; nested?: Readonly<Record<string, Shape>> };

const SOURCE: Shape = { keys: ['url', 'title', 'archivedUrl', 'lastChecked', 'httpStatus', 'finalUrl'] };
const DATE: Shape = { keys: ['text', 'year', 'month', 'day'] };
const FLAGS: Shape = { keys: ['nonGovernmental', 'multilateral', 'mentionsOnly'] };
const META = ['id', 'dataset', 'createdAt', 'updatedAt', 'version'] as const;

export const CATEGORY_SHAPE: Shape = {
  keys: ['id', 'label', 'shortLabel', 'description', 'color', 'count', 'columns'],
};
export const SHEET_SHAPE: Shape = { keys: ['country', 'date', 'comment', 'datedCategory', 'empty'] };
export const CREDIT_SHAPE: Shape = { keys: ['role', 'name', 'url'] };
export const LICENSE_SHAPE: Shape = { keys: ['name', 'url'] };

export const DATASET_SHAPE: Shape = {
  keys: [
    'id',
    'title',
    'description',
    'focalCountry',
    'license',
    'credits',
    'citation',
    'sourceUrl',
    'categories',
    'sheet',
    'lastPublished',
    'boundaries',
    'dataAsOf',
  ],
  nested: { license: LICENSE_SHAPE, credits: CREDIT_SHAPE, categories: CATEGORY_SHAPE, sheet: SHEET_SHAPE },
};

export const AGREEMENT_SHAPE: Shape = {
  keys: ['category', 'partners', 'title', 'date', 'summary', 'sources', 'flags', 'status', ...META],
  nested: { date: DATE, sources: SOURCE, flags: FLAGS },
};

export const NOTE_SHAPE: Shape = {
  keys: ['country', 'text', 'sources', ...META],
  nested: { sources: SOURCE },
};

export const DOCUMENT_SHAPE: Shape = {
  keys: ['schema', 'dataset', 'agreements', 'notes'],
  nested: { dataset: DATASET_SHAPE, agreements: AGREEMENT_SHAPE, notes: NOTE_SHAPE },
};

export const SHAPES = { SOURCE, DATE, FLAGS };

/** A copy of `value` with object keys in the shape's order; keys the shape does not know are left out. */
export function orderKeys(value: unknown, shape: Shape): unknown {
  if (Array.isArray(value)) return value.map((v) => orderKeys(v, shape));
  if (value === null || typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of shape.keys) {
    if (src[k] === undefined) continue;
    const sub = shape.nested?.[k];
    out[k] = sub ? orderKeys(src[k], sub) : src[k];
  }
  return out;
}
