import { z } from 'zod';
import { resolveCountry } from '../../core/countries/index.ts';
import type { CategoryId, CountryCode } from '../../core/ids.ts';
import { parsePartialDate, UNKNOWN_DATE } from '../../core/partialDate.ts';
import type { Dataset } from '../../core/schemas.ts';
import {
  type AgreementContent,
  FlagsSchema,
  type PartialDate,
  PartialDateSchema,
  type Source,
  StatusSchema,
} from '../../core/schemas.ts';
import { checkSourceUrl } from '../../core/url.ts';
import { invalidInput } from '../http/jsonBody.ts';
import type { CountryDirectory } from '../read/countryDirectory.ts';

// The body of an agreement write in the editor API: the read API's field names, with a few conveniences a
// client would expect — a date as text ("Aug 2015", "2015-08-14"), a source as just its URL, partners as
// names or codes. What the schema cannot know (the dataset's categories, its focal country, safe URLs) is
// checked here, and every problem names its field.

export const SourceInput = z.union([
  z.string(),
  z.strictObject({
    url: z.string(),
    title: z.string().max(500).optional(),
    archivedUrl: z.string().nullable().optional(),
    lastChecked: z.string().nullable().optional(),
    httpStatus: z.number().int().nullable().optional(),
    finalUrl: z.string().nullable().optional(),
  }),
]);

const DateInput = z.union([z.string().max(100), PartialDateSchema, z.null()]);

const fields = {
  category: z.string(),
  partners: z.array(z.string().max(100)).min(1, 'name at least one partner country').max(200),
  title: z.string().max(1000),
  date: DateInput,
  summary: z.string().max(20_000),
  sources: z.array(SourceInput).max(100),
  flags: FlagsSchema.partial(),
  status: StatusSchema,
};

/** POST: category and partners are required; the rest default to empty. */
export const NewAgreementSchema = z.strictObject({
  ...fields,
  title: fields.title.optional(),
  date: fields.date.optional(),
  summary: fields.summary.optional(),
  sources: fields.sources.optional(),
  flags: fields.flags.optional(),
  status: fields.status.optional(),
});

/** PATCH: only the fields that change. */
export const AgreementPatchSchema = z.strictObject(fields).partial();

export type Problem = { field: string; message: string };

export type InputContext = { dataset: Dataset; countries: CountryDirectory };

/** An ISO code as given, else a name or alias the registry knows for certain (no typo guessing). */
export function partnerCode(name: string, countries: CountryDirectory): string | null {
  const code = name.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && countries.lookup(code)) return code;
  const r = resolveCountry(name);
  return r.iso2 !== null && (r.match === 'exact' || r.match === 'alias') ? r.iso2 : null;
}

function readDate(input: z.output<typeof DateInput>, problems: Problem[]): PartialDate {
  if (input === null) return { ...UNKNOWN_DATE };
  if (typeof input === 'string') {
    const parsed = parsePartialDate(input);
    if (parsed.error)
      problems.push({
        field: 'date',
        message: `${parsed.error}; write e.g. "2015", "Aug 2015" or "2015-08-14"`,
      });
    return parsed.date;
  }
  const { year, month, day } = input;
  if (year === null) {
    if (month !== null || day !== null)
      problems.push({ field: 'date', message: 'a month or a day needs a year' });
    return { ...UNKNOWN_DATE, text: input.text };
  }
  if (day !== null && month === null) problems.push({ field: 'date', message: 'a day needs a month' });
  const iso = [year, month, day]
    .filter((n) => n !== null)
    .map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')))
    .join('-');
  const check = parsePartialDate(iso);
  if (check.error) problems.push({ field: 'date', message: check.error });
  return input;
}

export function readSources(input: z.output<typeof SourceInput>[], problems: Problem[]): Source[] {
  const out: Source[] = [];
  input.forEach((s, i) => {
    const raw = typeof s === 'string' ? s : s.url;
    const check = checkSourceUrl(raw);
    if (!check.ok) {
      problems.push({ field: `sources.${i}.url`, message: check.reason });
      return;
    }
    let archivedUrl: string | null = null;
    if (typeof s !== 'string' && s.archivedUrl) {
      const a = checkSourceUrl(s.archivedUrl);
      if (a.ok) archivedUrl = a.url;
      else problems.push({ field: `sources.${i}.archivedUrl`, message: a.reason });
    }
    const source: Source = {
      url: check.url,
      title: typeof s === 'string' ? '' : (s.title ?? ''),
      archivedUrl,
      lastChecked: typeof s === 'string' ? null : (s.lastChecked ?? null),
      httpStatus: typeof s === 'string' ? null : (s.httpStatus ?? null),
    };
    if (typeof s !== 'string' && s.finalUrl) {
      const f = checkSourceUrl(s.finalUrl);
      if (f.ok) source.finalUrl = f.url;
      else problems.push({ field: `sources.${i}.finalUrl`, message: f.reason });
    }
    out.push(source);
  });
  return out;
}

function readPartners(input: string[], ctx: InputContext, problems: Problem[]): CountryCode[] {
  const out: CountryCode[] = [];
  input.forEach((name, i) => {
    const code = partnerCode(name, ctx.countries);
    if (code === null) {
      problems.push({
        field: `partners.${i}`,
        message: `"${name}" is not a country; use an ISO code such as SG or its name`,
      });
    } else if (code === ctx.dataset.focalCountry) {
      problems.push({
        field: `partners.${i}`,
        message: `${code} is the dataset's own country; name the partner`,
      });
    } else if (!out.includes(code as CountryCode)) out.push(code as CountryCode);
  });
  return out;
}

function readCategory(input: string, ctx: InputContext, problems: Problem[]): CategoryId {
  const ids = ctx.dataset.categories.map((c) => c.id as string);
  if (!ids.includes(input))
    problems.push({
      field: 'category',
      message: `"${input}" is not a category of this dataset; use one of: ${ids.join(', ')}`,
    });
  return input as CategoryId;
}

/** A full agreement content from a POST body; throws a 400 naming every bad field. */
export function newAgreementContent(
  body: z.output<typeof NewAgreementSchema>,
  ctx: InputContext,
): AgreementContent {
  const problems: Problem[] = [];
  const content: AgreementContent = {
    category: readCategory(body.category, ctx, problems),
    partners: readPartners(body.partners, ctx, problems),
    title: body.title ?? '',
    date: body.date === undefined ? { ...UNKNOWN_DATE } : readDate(body.date, problems),
    summary: body.summary ?? '',
    sources: readSources(body.sources ?? [], problems),
    flags: { nonGovernmental: false, multilateral: false, mentionsOnly: false, ...body.flags },
    status: body.status ?? 'unknown',
  };
  if (problems.length > 0) throw invalidInput(problems);
  return content;
}

/** The changed fields of a PATCH body; `flags` merges into the current flags. */
export function agreementPatch(
  body: z.output<typeof AgreementPatchSchema>,
  current: AgreementContent,
  ctx: InputContext,
): Partial<AgreementContent> {
  const problems: Problem[] = [];
  const patch: Partial<AgreementContent> = {};
  if (body.category !== undefined) patch.category = readCategory(body.category, ctx, problems);
  if (body.partners !== undefined) patch.partners = readPartners(body.partners, ctx, problems);
  if (body.title !== undefined) patch.title = body.title;
  if (body.date !== undefined) patch.date = readDate(body.date, problems);
  if (body.summary !== undefined) patch.summary = body.summary;
  if (body.sources !== undefined) patch.sources = readSources(body.sources, problems);
  if (body.flags !== undefined) patch.flags = { ...current.flags, ...body.flags };
  if (body.status !== undefined) patch.status = body.status;
  if (problems.length > 0) throw invalidInput(problems);
  if (Object.keys(patch).length === 0)
    throw invalidInput([{ field: '(body)', message: 'no field to change' }]);
  return patch;
}
