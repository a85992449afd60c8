import { z } from 'zod';
import { BOUNDARY_VIEWS } from './boundaries.ts';
import {
  AgreementIdSchema,
  CategoryIdSchema,
  CountryCodeSchema,
  DatasetIdSchema,
  NoteIdSchema,
} from './ids.ts';
import { isSafeSourceUrl } from './url.ts';

// One schema per shape; the types below derive from them. Field names here are the names in the read API,
// the JSON document and the editor API.

const SafeUrl = z
  .string()
  .refine(isSafeSourceUrl, { message: 'must be an absolute http:// or https:// URL' });

export const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

/** How a category's headline number is counted: partner countries that have one, or records. */
export const CountRuleSchema = z.enum(['partners', 'records']);
export type CountRule = z.infer<typeof CountRuleSchema>;

export const CategorySchema = z.object({
  id: CategoryIdSchema,
  label: z.string().min(1),
  /** Short form for tight spaces (legend on a phone). */
  shortLabel: z.string().min(1),
  description: z.string(),
  color: HexColorSchema,
  count: CountRuleSchema,
  /** Header texts that identify this category's column in a seed-layout sheet (matched loosely). */
  columns: z.array(z.string().min(1)),
});
export type Category = z.infer<typeof CategorySchema>;

export const CreditSchema = z.object({ role: z.string(), name: z.string().min(1), url: SafeUrl.optional() });
export type Credit = z.infer<typeof CreditSchema>;

/** How to read a spreadsheet in the seed layout (one row per country, categories as columns). */
export const SheetLayoutSchema = z.object({
  country: z.array(z.string().min(1)).min(1),
  date: z.array(z.string().min(1)),
  comment: z.array(z.string().min(1)),
  /** The category whose records the date and comment columns describe. */
  datedCategory: CategoryIdSchema,
  /** Cell texts that mean "nothing here". */
  empty: z.array(z.string()),
});
export type SheetLayout = z.infer<typeof SheetLayoutSchema>;

/**
 * Whose boundaries the map draws: the de facto ones, or a country's official view (each view is a geometry
 * asset of its own, built by scripts/build-geometry.ts --view).
 */
export const BoundaryViewSchema = z.enum(BOUNDARY_VIEWS);

/** A date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD. */
export const IsoPartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

export const DatasetSchema = z.object({
  id: DatasetIdSchema,
  title: z.string().min(1),
  description: z.string(),
  focalCountry: CountryCodeSchema,
  license: z.object({ name: z.string().min(1), url: SafeUrl }),
  credits: z.array(CreditSchema),
  citation: z.string(),
  sourceUrl: SafeUrl.nullable(),
  categories: z.array(CategorySchema).min(1),
  sheet: SheetLayoutSchema,
  /** ISO timestamp of the last publication (bake), or null. */
  lastPublished: z.string().nullable(),
  /** The map's boundaries; absent means 'de-facto' (boundariesOf). */
  boundaries: BoundaryViewSchema.optional(),
  /** How recent the research is ("data as of"), as precise as known; absent: the latest agreement's date. */
  dataAsOf: IsoPartialDateSchema.optional(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const PartialDateSchema = z.object({
  /** The text as the researcher wrote it; '' when no date is given. */
  text: z.string(),
  year: z.number().int().min(1000).max(9999).nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
});
export type PartialDate = z.infer<typeof PartialDateSchema>;

export const SourceSchema = z.object({
  url: SafeUrl,
  title: z.string(),
  archivedUrl: SafeUrl.nullable(),
  lastChecked: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  /** Where the URL's redirects ended at the last link check (absent until a check has run). */
  finalUrl: SafeUrl.nullable().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const FlagsSchema = z.object({
  nonGovernmental: z.boolean(),
  multilateral: z.boolean(),
  /** The agreement only mentions the dataset's topic among others. */
  mentionsOnly: z.boolean(),
});
export type Flags = z.infer<typeof FlagsSchema>;

export const StatusSchema = z.enum(['unknown', 'signed', 'in-force', 'terminated', 'under-negotiation']);
export type Status = z.infer<typeof StatusSchema>;

/** The researcher-owned content of an agreement: what an import compares and an edit changes. */
export const AgreementContentSchema = z.object({
  category: CategoryIdSchema,
  partners: z.array(CountryCodeSchema).min(1),
  title: z.string(),
  date: PartialDateSchema,
  summary: z.string(),
  sources: z.array(SourceSchema),
  flags: FlagsSchema,
  status: StatusSchema,
});
export type AgreementContent = z.infer<typeof AgreementContentSchema>;

export const AgreementSchema = AgreementContentSchema.extend({
  id: AgreementIdSchema,
  dataset: DatasetIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().min(1),
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const NoteContentSchema = z.object({
  country: CountryCodeSchema,
  text: z.string(),
  sources: z.array(SourceSchema),
});
export type NoteContent = z.infer<typeof NoteContentSchema>;

/** Research notes about a country that are not agreements ("MoU found, but nothing on the topic"). */
export const CountryNoteSchema = NoteContentSchema.extend({
  id: NoteIdSchema,
  dataset: DatasetIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().min(1),
});
export type CountryNote = z.infer<typeof CountryNoteSchema>;

export const RevisionSchema = z.object({
  id: z.number().int(),
  dataset: DatasetIdSchema,
  entity: z.enum(['agreement', 'note', 'dataset']),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'delete', 'revert']),
  actor: z.string(),
  at: z.string(),
  reason: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type Revision = z.infer<typeof RevisionSchema>;

export const DOCUMENT_SCHEMA = 'accord-atlas/dataset@1';

/** The JSON dataset document: the lossless export, the bake's data file and an import format. */
export const DatasetDocumentSchema = z.object({
  schema: z.literal(DOCUMENT_SCHEMA),
  dataset: DatasetSchema,
  agreements: z.array(AgreementSchema),
  notes: z.array(CountryNoteSchema),
});
export type DatasetDocument = z.infer<typeof DatasetDocumentSchema>;
