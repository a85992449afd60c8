import { z } from 'zod';
import { VersionListSchema } from '../publish/versionRoutes.ts';
import {
  AgreementListResponseSchema,
  AgreementQuerySchema,
  AgreementSchema,
  CountryNoteSchema,
  CountryResponseSchema,
  CountrySchema,
  DatasetDocumentSchema,
  DatasetListResponseSchema,
  DatasetResponseSchema,
  DatasetSchema,
  DatasetSummarySchema,
  ErrorSchema,
  HealthSchema,
  StatsSchema,
} from '../read/apiSchemas.ts';
import { editorComponents, editorPaths } from './openapiEditor.ts';
import { sourcesPaths, sourcesSchemas } from './openapiSources.ts';

// The OpenAPI 3.1 document is generated from the same zod schemas the handlers validate with. OpenAPI 3.1
// schemas are JSON Schema 2020-12, which is what z.toJSONSchema writes.

type JsonObject = Record<string, unknown>;

const COMPONENTS: Record<string, z.ZodType> = {
  Agreement: AgreementSchema,
  CountryNote: CountryNoteSchema,
  Dataset: DatasetSchema,
  DatasetDocument: DatasetDocumentSchema,
  DatasetSummary: DatasetSummarySchema,
  DatasetList: DatasetListResponseSchema,
  DatasetResponse: DatasetResponseSchema,
  AgreementList: AgreementListResponseSchema,
  Country: CountrySchema,
  CountryResponse: CountryResponseSchema,
  Stats: StatsSchema,
  Health: HealthSchema,
  Error: ErrorSchema,
  VersionList: VersionListSchema,
};

const ref = (name: keyof typeof COMPONENTS): JsonObject => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` }).schemas;
  const schemas: Record<string, JsonObject> = {};
  for (const [id, s] of Object.entries(out)) {
    // Each entry is a standalone JSON Schema; inside an OpenAPI document they are fragments.
    const { $schema: _s, $id: _i, ...rest } = s as JsonObject;
    schemas[id] = rest;
  }
  return schemas;
}

function queryParameters(schema: z.ZodType): JsonObject[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: 'query',
      required: json.required?.includes(name) ?? false,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const pathParam = (name: string, description: string): JsonObject => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

const DATASET_ID = pathParam('id', 'Dataset id, e.g. the id listed by GET /api/v1/datasets');

// The routes that take no query parameters answer 400 to any (NoQuerySchema), so a typo is not ignored.
const NO_QUERY = 'This route takes no query parameters';

const errorResponse = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

const cached = (description: string, contentType: string, schema: JsonObject): JsonObject => ({
  description,
  headers: {
    ETag: { $ref: '#/components/headers/ETag' },
    'Cache-Control': { $ref: '#/components/headers/CacheControl' },
  },
  content: { [contentType]: { schema } },
});

type Op = {
  operationId: string;
  summary: string;
  parameters?: JsonObject[];
  ok: JsonObject;
  errors?: Record<string, string>;
};

/** Public reads need no login: an empty security list says so (Redocly's security-defined rule). */
const PUBLIC: JsonObject[] = [];

function get(op: Op): JsonObject {
  const responses: JsonObject = {
    '200': op.ok,
    '304': { description: 'Not modified (If-None-Match matched)' },
  };
  for (const [status, description] of Object.entries(op.errors ?? {}))
    responses[status] = errorResponse(description);
  return {
    get: {
      operationId: op.operationId,
      summary: op.summary,
      security: PUBLIC,
      parameters: op.parameters ?? [],
      responses,
    },
  };
}

function download(format: string, contentType: string, schema: JsonObject): JsonObject {
  return get({
    operationId: `exportDataset${format[0]}${format.slice(1).toLowerCase()}`,
    summary: `Download the dataset as ${format} (Content-Disposition: attachment)`,
    parameters: [DATASET_ID],
    ok: cached(`The dataset as ${format}`, contentType, schema),
    errors: { '400': NO_QUERY, '404': 'No such dataset' },
  });
}

/** The read API's paths with the editor API's operations added (a path may have both). */
function allPaths(read: Record<string, JsonObject>): Record<string, JsonObject> {
  const paths: Record<string, JsonObject> = { ...read };
  for (const [path, ops] of Object.entries(editorPaths())) paths[path] = { ...paths[path], ...ops };
  for (const [path, ops] of Object.entries(sourcesPaths())) paths[path] = { ...paths[path], ...ops };
  return paths;
}

const isEmptySchema = (s: unknown): boolean =>
  typeof s === 'object' && s !== null && !Array.isArray(s) && Object.keys(s).length === 0;

/**
 * z.unknown().nullable() becomes `anyOf: [{}, {type: null}]`; `{}` already allows anything, so the anyOf
 * says nothing (Redocly's no-illogical-composition-keywords warns). Drop such anyOfs, keep the rest.
 */
function withoutVacuousAnyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVacuousAnyOf);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'anyOf' && Array.isArray(v) && v.some(isEmptySchema)) continue;
    out[key] = withoutVacuousAnyOf(v);
  }
  return out;
}

export function buildOpenApi(): JsonObject {
  return withoutVacuousAnyOf(document()) as JsonObject;
}

function document(): JsonObject {
  const editor = editorComponents();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Accord Atlas API',
      version: '1',
      // The software's licence; each dataset states the licence of its data (GET /api/v1/datasets/{id}).
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'The public read API (no login; responses carry an ETag, send it back in If-None-Match for a 304) and the editor API (log in with POST /api/v1/session; every change sends X-CSRF-Token, and changes to a record send If-Match with its version).',
    },
    // Relative (allowed since 3.0): the paths are served by whichever host serves this document.
    servers: [{ url: '/', description: 'The server that serves this document' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: allPaths({
      '/healthz': {
        get: {
          operationId: 'getHealth',
          security: PUBLIC,
          summary: 'Liveness and database check',
          responses: {
            '200': { description: 'Healthy', content: { 'application/json': { schema: ref('Health') } } },
            '503': {
              description: 'The database does not answer',
              content: { 'application/json': { schema: ref('Health') } },
            },
          },
        },
      },
      '/api/v1/datasets': get({
        operationId: 'listDatasets',
        summary: 'All datasets with their categories, headline counts and last update',
        ok: cached('The datasets', 'application/json', ref('DatasetList')),
        errors: { '400': NO_QUERY },
      }),
      '/api/v1/datasets/{id}': get({
        operationId: 'getDataset',
        summary: 'One dataset: configuration and statistics',
        parameters: [DATASET_ID],
        ok: cached('The dataset', 'application/json', ref('DatasetResponse')),
        errors: { '400': NO_QUERY, '404': 'No such dataset' },
      }),
      '/api/v1/datasets/{id}/agreements': get({
        operationId: 'listAgreements',
        summary: 'Agreements of a dataset, filtered; total and statistics are of the filtered set',
        parameters: [DATASET_ID, ...queryParameters(AgreementQuerySchema)],
        ok: cached('The matching agreements', 'application/json', ref('AgreementList')),
        errors: { '400': 'A query parameter is invalid; the message names it', '404': 'No such dataset' },
      }),
      '/api/v1/datasets/{id}/countries/{code}': get({
        operationId: 'getCountry',
        summary: "A partner country with the dataset's agreements grouped by category, and research notes",
        parameters: [DATASET_ID, pathParam('code', 'ISO 3166-1 alpha-2 code, any case')],
        ok: cached('The country', 'application/json', ref('CountryResponse')),
        errors: { '400': NO_QUERY, '404': 'No such dataset or country code' },
      }),
      '/api/v1/datasets/{id}/document': get({
        operationId: 'getDatasetDocument',
        summary: 'The whole dataset as one JSON document (what the map page loads)',
        parameters: [DATASET_ID],
        ok: cached('The dataset document', 'application/json', ref('DatasetDocument')),
        errors: { '400': NO_QUERY, '404': 'No such dataset' },
      }),
      '/api/v1/datasets/{id}/versions': get({
        operationId: 'listVersions',
        summary:
          'The published versions of a dataset, newest first: number, time, note, counts and what each added, changed and removed since the one before',
        parameters: [DATASET_ID],
        ok: cached('The versions', 'application/json', ref('VersionList')),
        errors: { '404': 'No such dataset' },
      }),
      '/api/v1/datasets/{id}/versions/{n}/document': get({
        operationId: 'getVersionDocument',
        summary: 'The frozen dataset document of version n, as published; it never changes (cached for good)',
        parameters: [DATASET_ID, pathParam('n', 'Version number: 1, 2, 3 …')],
        ok: cached('The frozen dataset document', 'application/json', ref('DatasetDocument')),
        errors: { '404': 'No such dataset or version' },
      }),
      '/api/v1/datasets/{id}/export.csv': download('CSV', 'text/csv', { type: 'string' }),
      '/api/v1/datasets/{id}/export.json': download('JSON', 'application/json', ref('DatasetDocument')),
      '/api/v1/datasets/{id}/export.geojson': download('GeoJSON', 'application/geo+json', { type: 'object' }),
      '/api/v1/agreements/{id}': get({
        operationId: 'getAgreement',
        summary: 'One agreement; its version is also the ETag (use it as If-Match when editing)',
        parameters: [pathParam('id', 'Agreement id')],
        ok: cached('The agreement', 'application/json', ref('Agreement')),
        errors: { '400': NO_QUERY, '404': 'No such agreement' },
      }),
      '/api/v1/openapi.json': get({
        operationId: 'getOpenApi',
        summary: 'This document',
        ok: cached('OpenAPI 3.1 document', 'application/json', { type: 'object' }),
      }),
    }),
    components: {
      schemas: { ...componentSchemas(), ...editor.schemas, ...sourcesSchemas() },
      securitySchemes: editor.securitySchemes,
      headers: {
        ETag: { description: 'Validator for If-None-Match', schema: { type: 'string' } },
        CacheControl: {
          description: 'public, no-cache (revalidate with If-None-Match: 304 when unchanged)',
          schema: { type: 'string' },
        },
      },
    },
  };
}
