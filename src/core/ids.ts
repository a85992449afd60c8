import { z } from 'zod';

// Branded ids: a CountryCode cannot be passed where an AgreementId is expected, though both are strings.
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'a country code is two capital letters (ISO 3166-1 alpha-2), e.g. "IN"')
  .brand<'CountryCode'>();
export type CountryCode = z.infer<typeof CountryCodeSchema>;

export const DatasetIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a dataset id is lower-case letters, digits and dashes')
  .brand<'DatasetId'>();
export type DatasetId = z.infer<typeof DatasetIdSchema>;

export const CategoryIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a category id is lower-case letters, digits and dashes')
  .brand<'CategoryId'>();
export type CategoryId = z.infer<typeof CategoryIdSchema>;

export const AgreementIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'an agreement id is lower-case letters, digits and dashes')
  .brand<'AgreementId'>();
export type AgreementId = z.infer<typeof AgreementIdSchema>;

export const NoteIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'a note id is lower-case letters, digits and dashes')
  .brand<'NoteId'>();
export type NoteId = z.infer<typeof NoteIdSchema>;

export const asCountryCode = (s: string): CountryCode => CountryCodeSchema.parse(s);
export const asDatasetId = (s: string): DatasetId => DatasetIdSchema.parse(s);
export const asCategoryId = (s: string): CategoryId => CategoryIdSchema.parse(s);
export const asAgreementId = (s: string): AgreementId => AgreementIdSchema.parse(s);
export const asNoteId = (s: string): NoteId => NoteIdSchema.parse(s);
