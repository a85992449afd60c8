import { z } from 'zod';
import type { CountryCode } from '../../core/ids.ts';
import type { NoteContent } from '../../core/schemas.ts';
import { invalidInput } from '../http/jsonBody.ts';
import { type InputContext, type Problem, partnerCode, readSources, SourceInput } from './agreementInput.ts';

// The body of a research-note write in the editor API: the country (ISO code or name), the text and its sources
// (URLs or source objects), checked like an agreement's.

const fields = {
  country: z.string().max(100),
  text: z.string().max(20_000),
  sources: z.array(SourceInput).max(100),
};

export const NewNoteSchema = z.strictObject({ ...fields, sources: fields.sources.optional() });
export const NotePatchSchema = z.strictObject(fields).partial();

function readCountry(input: string, ctx: InputContext, problems: Problem[]): CountryCode {
  const code = partnerCode(input, ctx.countries);
  if (code === null)
    problems.push({ field: 'country', message: `"${input}" is not a country; use an ISO code or its name` });
  else if (code === ctx.dataset.focalCountry)
    problems.push({ field: 'country', message: `${code} is the dataset's own country; name the partner` });
  return (code ?? input) as CountryCode;
}

export function newNoteContent(body: z.output<typeof NewNoteSchema>, ctx: InputContext): NoteContent {
  const problems: Problem[] = [];
  const content: NoteContent = {
    country: readCountry(body.country, ctx, problems),
    text: body.text,
    sources: readSources(body.sources ?? [], problems),
  };
  if (problems.length > 0) throw invalidInput(problems);
  return content;
}

export function notePatch(body: z.output<typeof NotePatchSchema>, ctx: InputContext): Partial<NoteContent> {
  const problems: Problem[] = [];
  const patch: Partial<NoteContent> = {};
  if (body.country !== undefined) patch.country = readCountry(body.country, ctx, problems);
  if (body.text !== undefined) patch.text = body.text;
  if (body.sources !== undefined) patch.sources = readSources(body.sources, problems);
  if (problems.length > 0) throw invalidInput(problems);
  if (Object.keys(patch).length === 0)
    throw invalidInput([{ field: '(body)', message: 'no field to change' }]);
  return patch;
}
