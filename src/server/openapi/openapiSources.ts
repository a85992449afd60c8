import { z } from 'zod';
import {
  NewSuggestionSchema,
  SuggestionAcceptedSchema,
  SuggestionListSchema,
  SuggestionOutSchema,
  SuggestionPatchSchema,
} from '../suggestions/suggestionSchemas.ts';

// The OpenAPI part of sources and readers' corrections: the editor's link check and the suggestions routes.
// Kept apart from openapiEditor.ts so each feature adds its own paths; merged in openapi.ts.

type JsonObject = Record<string, unknown>;

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, name: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const datasetParam: JsonObject = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Dataset id',
  schema: { type: 'string' },
};
const READ = [{ session: [] }];
const WRITE = [{ session: [], csrf: [] }];
const DENIED = {
  '401': error('Not logged in'),
  '403': error('No CSRF token, or not allowed for this role'),
};

const LinkCheckSummarySchema = z.object({
  checked: z.number().int(),
  ok: z.number().int(),
  broken: z.number().int(),
  redirected: z.number().int(),
  archived: z.number().int(),
  blocked: z
    .number()
    .int()
    .describe('Loopback, private or link-local addresses: never fetched by the server'),
  updated: z.number().int().describe('Records whose sources got the results (one revision each)'),
});

export const LinkCheckStateSchema = z.object({
  running: z.boolean(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  startedBy: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  summary: LinkCheckSummarySchema.nullable(),
  error: z.string().nullable(),
});

const outputs: Record<string, z.ZodType> = {
  LinkCheckState: LinkCheckStateSchema,
  SuggestionAccepted: SuggestionAcceptedSchema,
  Suggestion: SuggestionOutSchema,
  SuggestionList: SuggestionListSchema,
};
const inputs: Record<string, z.ZodType> = {
  NewSuggestion: NewSuggestionSchema,
  SuggestionPatch: SuggestionPatchSchema,
};

/** Component schemas of these routes (added to the document's components). */
export function sourcesSchemas(): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const [all, io] of [
    [outputs, 'output'],
    [inputs, 'input'],
  ] as const) {
    for (const [id, schema] of Object.entries(all)) {
      const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
      out[id] = rest;
    }
  }
  return out;
}

const body = (name: string): JsonObject => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});

/** Operations by path; merged with the other paths (same path, other methods). */
export function sourcesPaths(): Record<string, JsonObject> {
  return {
    '/api/v1/datasets/{id}/links/check': {
      get: {
        operationId: 'getLinkCheck',
        summary: "The dataset's link check: running or not, progress, and the last result's counts",
        security: READ,
        parameters: [datasetParam],
        responses: {
          '200': json('The link check state', 'LinkCheckState'),
          ...DENIED,
          '404': error('No such dataset'),
        },
      },
      post: {
        operationId: 'startLinkCheck',
        summary:
          'Start a link check of every source (in the background; loopback, private and link-local addresses are never fetched)',
        security: WRITE,
        parameters: [datasetParam],
        responses: {
          '202': json('Started', 'LinkCheckState'),
          ...DENIED,
          '404': error('No such dataset'),
          '409': error('A link check of this dataset is running'),
        },
      },
    },
    '/api/v1/datasets/{id}/suggestions': {
      post: {
        operationId: 'sendSuggestion',
        summary:
          "A reader's correction (no login; CORS from any origin). Text 10–5000 characters; 20 an hour per client address; a filled `website` (honeypot) is dropped silently",
        security: [],
        parameters: [datasetParam],
        requestBody: body('NewSuggestion'),
        responses: {
          '202': json('Received', 'SuggestionAccepted'),
          '400': error('A field is invalid; the message names it'),
          '404': error('No such dataset'),
          '413': error('The body is too large'),
          '415': error('Not sent as JSON'),
          '429': {
            description: 'Too many suggestions from this address; Retry-After says when to try again',
            headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
            content: { 'application/json': { schema: ref('Error') } },
          },
        },
      },
      get: {
        operationId: 'listSuggestions',
        summary: "Readers' corrections, newest first (editors; e-mail addresses included)",
        security: READ,
        parameters: [
          datasetParam,
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'Only suggestions with this status',
            schema: { type: 'string', enum: ['open', 'done', 'dismissed'] },
          },
        ],
        responses: {
          '200': json('The suggestions', 'SuggestionList'),
          '400': error('A query parameter is invalid'),
          ...DENIED,
          '404': error('No such dataset'),
        },
      },
    },
    '/api/v1/suggestions/{id}': {
      patch: {
        operationId: 'updateSuggestion',
        summary: 'Mark a suggestion open, done or dismissed, with a note (editors)',
        security: WRITE,
        parameters: [{ ...datasetParam, description: 'Suggestion id' }],
        requestBody: body('SuggestionPatch'),
        responses: {
          '200': json('The suggestion', 'Suggestion'),
          '400': error('A field is invalid'),
          ...DENIED,
          '404': error('No such suggestion'),
        },
      },
    },
  };
}
