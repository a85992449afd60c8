import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AgreementSchema,
  CategorySchema,
  CountryNoteSchema,
  CreditSchema,
  DatasetDocumentSchema,
  DatasetSchema,
  FlagsSchema,
  PartialDateSchema,
  SheetLayoutSchema,
  SourceSchema,
} from '../../core/schemas.ts';
import {
  AGREEMENT_SHAPE,
  CATEGORY_SHAPE,
  CREDIT_SHAPE,
  DATASET_SHAPE,
  DOCUMENT_SHAPE,
  LICENSE_SHAPE,
  NOTE_SHAPE,
  orderKeys,
  SHAPES,
  SHEET_SHAPE,
  type Shape,
} from './documentShape.ts';

// The JSON key order is written down without zod (for the browser); this keeps it equal to the schemas.

const keysOf = (s: z.ZodObject): string[] => Object.keys(s.shape);

describe('document shape', () => {
  it.each([
    ['document', DOCUMENT_SHAPE, DatasetDocumentSchema],
    ['dataset', DATASET_SHAPE, DatasetSchema],
    ['license', LICENSE_SHAPE, DatasetSchema.shape.license],
    ['credit', CREDIT_SHAPE, CreditSchema],
    ['category', CATEGORY_SHAPE, CategorySchema],
    ['sheet', SHEET_SHAPE, SheetLayoutSchema],
    ['agreement', AGREEMENT_SHAPE, AgreementSchema],
    ['note', NOTE_SHAPE, CountryNoteSchema],
    ['source', SHAPES.SOURCE, SourceSchema],
    ['date', SHAPES.DATE, PartialDateSchema],
    ['flags', SHAPES.FLAGS, FlagsSchema],
  ] as Array<[string, Shape, z.ZodObject]>)('%s keys follow the schema', (_name, shape, schema) => {
    expect(shape.keys).toEqual(keysOf(schema));
  });

  it('orders nested objects and arrays and drops unknown keys', () => {
    const out = orderKeys({ z: 1, sources: [{ title: 't', url: 'u', extra: 1 }], country: 'FR' }, NOTE_SHAPE);
    expect(JSON.stringify(out)).toBe('{"country":"FR","sources":[{"url":"u","title":"t"}]}');
  });
});
