import { z } from 'zod';

// Request bodies of the editor API that are not agreements (those are in agreementInput.ts); the handlers
// validate with them and the OpenAPI document is generated from them.

export const LoginSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(1024),
});

export const RevertSchema = z.strictObject({
  revision: z.number().int().positive().describe('The id of the revision to undo (from GET …/revisions)'),
  force: z
    .boolean()
    .optional()
    .describe(
      'Undo it even though a later revision changed one of its fields again (the 409 named them); without it, such a revert is refused',
    ),
});

/** What a revision changed, one entry per field (computed from its before and after). */
export const FieldDiffSchema = z.object({
  field: z.string(),
  before: z.unknown().describe('The value before (null when the record did not exist yet)'),
  after: z.unknown().describe('The value after (null when the record was deleted)'),
});

/** The 409 of a revert whose fields were changed again later. */
export const RevertConflictSchema = z.object({
  error: z.object({
    code: z.literal('changed_later'),
    message: z.string(),
    fields: z.array(z.string()).describe('The fields changed again by a later revision'),
    later: z
      .array(z.object({ field: z.string(), revision: z.number().int(), actor: z.string(), at: z.string() }))
      .describe('Each later change to one of those fields: which revision, by whom, when'),
  }),
  current: z.unknown().describe('The record now'),
});

export const NewUserSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(1024).describe('At least 12 characters'),
  role: z.enum(['admin', 'editor']).default('editor'),
});

export const SessionResponseSchema = z.object({
  user: z
    .object({
      email: z.string(),
      role: z.enum(['admin', 'editor']),
      datasets: z
        .array(z.string())
        .nullable()
        .describe('Datasets this editor may change; null: every dataset'),
      canPublish: z.boolean(),
    })
    .nullable(),
  csrfToken: z.string().nullable().describe('Send it as X-CSRF-Token with every change'),
});

export { ImportReportSchema } from '../../importing/runImport.ts';

export const UserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  role: z.enum(['admin', 'editor']),
  createdAt: z.string(),
  disabled: z.boolean(),
  datasets: z.array(z.string()).nullable().describe('Datasets an editor may change; null: every dataset'),
  canPublish: z.boolean().describe('May publish the static copy (admins always may)'),
});
