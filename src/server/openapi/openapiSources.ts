import { z } from 'zod';

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

const extraSchemas: Record<string, z.ZodType> = { LinkCheckState: LinkCheckStateSchema };

/** Component schemas of these routes (added to the document's components). */
export function sourcesSchemas(): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(extraSchemas)) {
    const { $schema: _s, ...rest } = z.toJSONSchema(schema, {
      io: 'output',
      unrepresentable: 'any',
    }) as JsonObject;
    out[id] = rest;
  }
  return out;
}

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
  };
}
