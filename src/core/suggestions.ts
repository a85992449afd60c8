import { z } from 'zod';
import { CountryCodeSchema, DatasetIdSchema } from './ids.ts';

// A reader's correction ("Suggest a correction"): free text, optionally about a country or an agreement, with
// an optional e-mail address that only editors ever see.

export const SuggestionStatusSchema = z.enum(['open', 'done', 'dismissed']);
export type SuggestionStatus = z.infer<typeof SuggestionStatusSchema>;

export const SUGGESTION_TEXT_MIN = 10;
export const SUGGESTION_TEXT_MAX = 5000;

export const SuggestionSchema = z.object({
  id: z.string(),
  dataset: DatasetIdSchema,
  text: z.string(),
  country: CountryCodeSchema.nullable(),
  agreementId: z.string().nullable(),
  email: z.string().nullable(),
  status: SuggestionStatusSchema,
  /** The editors' note (what was done, why it was dismissed). */
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export type NewSuggestion = Pick<Suggestion, 'text' | 'country' | 'agreementId' | 'email'>;
