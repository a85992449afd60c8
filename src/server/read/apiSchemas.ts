import { z } from 'zod';
import { CountryCodeSchema } from '../../core/ids.ts';
import {
  AgreementSchema,
  CategorySchema,
  CountryNoteSchema,
  DatasetDocumentSchema,
  DatasetSchema,
  StatusSchema,
} from '../../core/schemas.ts';

// One schema per shape on the wire: query parameters in, response bodies out. Handlers validate with the
// query schemas; the OpenAPI document is generated from all of them, so the two cannot drift apart.

// Query values arrive as strings; repeated parameters are joined with commas before validation.

const listOf = (what: string): z.ZodPipe<z.ZodString, z.ZodTransform<string[], string>> =>
  z
    .string()
    .describe(`${what}, comma-separated`)
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    );

const Year = z
  .string()
  .regex(/^\d{4}$/, { error: 'must be a four-digit year, e.g. 2015' })
  .transform(Number);

const Bool = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

export const FlagRuleParam = z
  .enum(['include', 'exclude', 'only'], { error: 'must be include, exclude or only' })
  .describe(
    'include (default): ignore the flag; exclude: drop flagged records; only: keep only flagged records',
  );

export const PartnerParam = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((t) => t.trim().toUpperCase())
      .filter((t) => t !== ''),
  )
  .pipe(
    z.array(
      z.string().regex(/^[A-Z]{2}$/, { error: 'must be ISO 3166-1 alpha-2 country codes, e.g. SG or SG,JP' }),
    ),
  )
  .describe('Partner countries as ISO 3166-1 alpha-2 codes (any case), comma-separated');

export const StatusParam = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== ''),
  )
  .pipe(
    z.array(
      z.enum(StatusSchema.options, {
        error: `must be statuses, comma-separated, from: ${StatusSchema.options.join(', ')}`,
      }),
    ),
  )
  .describe(`Agreement statuses, comma-separated (${StatusSchema.options.join(', ')})`);

export const AgreementQuerySchema = z
  .strictObject(
    {
      category: listOf('Category ids of the dataset (e.g. mlat,mou)').optional(),
      partner: PartnerParam.optional(),
      from: Year.describe('First year of the signing-date range, inclusive').optional(),
      to: Year.describe('Last year of the signing-date range, inclusive').optional(),
      undated: Bool.describe(
        'With a year range: keep records whose date is unknown (default true)',
      ).optional(),
      q: z
        .string()
        .max(200, { error: 'must be at most 200 characters' })
        .describe('Free text over titles, summaries, sources and partner names')
        .optional(),
      nonGovernmental: FlagRuleParam.optional(),
      multilateral: FlagRuleParam.optional(),
      region: listOf('Regions of partner countries (Africa, Americas, Asia, Europe, Oceania)').optional(),
      status: StatusParam.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: category, partner, from, to, undated, q, nonGovernmental, multilateral, region, status`
          : undefined,
    },
  )
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.to < q.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must not be before from (${q.from}); got ${q.to}`,
      });
    }
  });
export type AgreementQuery = z.output<typeof AgreementQuerySchema>;

/** For routes that take no query parameters: anything given is a mistake worth reporting. */
export const NoQuerySchema = z.strictObject(
  {},
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'this route takes no query parameters' : undefined,
  },
);

export const StatsSchema = z.object({
  counts: z
    .record(z.string(), z.number().int())
    .describe('Headline number per category, by its counting rule'),
  partners: z.number().int().describe('Distinct partner countries (the focal country excluded)'),
  records: z.record(z.string(), z.number().int()),
  partnersByCategory: z.record(z.string(), z.number().int()),
  agreements: z.number().int(),
});

export const DatasetSummarySchema = z.object({
  id: DatasetSchema.shape.id,
  title: z.string(),
  description: z.string(),
  focalCountry: CountryCodeSchema,
  license: DatasetSchema.shape.license,
  categories: z.array(CategorySchema),
  stats: StatsSchema,
  lastUpdated: z.string().nullable().describe('Time of the last change to the records, or null'),
});

export const DatasetListResponseSchema = z.object({ datasets: z.array(DatasetSummarySchema) });

export const DatasetResponseSchema = z.object({
  dataset: DatasetSchema,
  stats: StatsSchema,
  lastUpdated: z.string().nullable(),
});

export const AgreementListResponseSchema = z.object({
  agreements: z.array(AgreementSchema),
  total: z.number().int(),
  stats: StatsSchema,
});

export const CountrySchema = z.object({
  iso2: CountryCodeSchema,
  name: z.string(),
  region: z.string().nullable(),
});

export const CountryResponseSchema = z.object({
  country: CountrySchema,
  agreements: z.record(z.string(), z.array(AgreementSchema)).describe('Agreements by category id'),
  notes: z.array(CountryNoteSchema),
  stats: StatsSchema,
});

export const HealthSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['sqlite', 'postgres']),
});

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export { AgreementSchema, CountryNoteSchema, DatasetDocumentSchema, DatasetSchema };
