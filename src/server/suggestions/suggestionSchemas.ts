import { z } from 'zod';
import {
  SUGGESTION_TEXT_MAX,
  SUGGESTION_TEXT_MIN,
  SuggestionSchema,
  SuggestionStatusSchema,
} from '../../core/suggestions.ts';

// The wire shapes of readers' corrections; the handlers validate with these and the OpenAPI document shows them.

const optionalText = (max: number, what: string): z.ZodType<string | null | undefined> =>
  z
    .string()
    .max(max, { error: `${what} must be at most ${max} characters` })
    .nullable()
    .optional();

export const NewSuggestionSchema = z.object({
  text: z
    .string({ error: 'text is required: say what should be corrected' })
    .trim()
    .min(SUGGESTION_TEXT_MIN, { error: `write at least ${SUGGESTION_TEXT_MIN} characters` })
    .max(SUGGESTION_TEXT_MAX, { error: `write at most ${SUGGESTION_TEXT_MAX} characters` }),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as FR' })
    .nullable()
    .optional(),
  agreementId: optionalText(100, 'agreementId'),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((s) => s === '' || /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(s), {
      error: 'is not an e-mail address; write it as name@example.org, or leave it empty',
    })
    .nullable()
    .optional(),
  /** The honeypot: hidden from people, filled by bots. Anything in it and the suggestion is dropped. */
  website: z.string().max(2000).optional(),
});

export const SuggestionPatchSchema = z
  .object({
    status: SuggestionStatusSchema.optional(),
    note: z.string().max(2000, { error: 'a note is at most 2000 characters' }).optional(),
  })
  .refine((p) => p.status !== undefined || p.note !== undefined, { error: 'send status, note or both' });

export const SuggestionAcceptedSchema = z.object({ id: z.string() });

/** What editors read: the stored suggestion without its dataset (the URL names it) and updatedAt. */
export const SuggestionOutSchema = SuggestionSchema.omit({ dataset: true });
export const SuggestionListSchema = z.object({ suggestions: z.array(SuggestionOutSchema) });

export const SuggestionListQuerySchema = z.strictObject(
  { status: SuggestionStatusSchema.optional() },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? 'the only query parameter is status (open, done or dismissed)'
        : undefined,
  },
);
