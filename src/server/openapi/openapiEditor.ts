import { z } from 'zod';
import { RevisionSchema } from '../../core/schemas.ts';
import { PasswordChangeSchema } from '../auth/sessionRoutes.ts';
import { PasswordResetSchema, UserPatchSchema } from '../auth/userRoutes.ts';
import { AgreementPatchSchema, NewAgreementSchema } from '../editing/agreementInput.ts';
import { DatasetPatchSchema } from '../editing/datasetSettings.ts';
import {
  FieldDiffSchema,
  ImportReportSchema,
  LoginSchema,
  NewUserSchema,
  RevertConflictSchema,
  RevertSchema,
  SessionResponseSchema,
  UserSchema,
} from '../editing/editorSchemas.ts';
import { NewNoteSchema, NotePatchSchema } from '../editing/noteInput.ts';

// The editor API's part of the OpenAPI document: request bodies from the schemas the handlers validate with,
// the session cookie and the CSRF header as security schemes.

type JsonObject = Record<string, unknown>;

const REQUESTS: Record<string, z.ZodType> = {
  Login: LoginSchema,
  NewAgreement: NewAgreementSchema,
  AgreementPatch: AgreementPatchSchema,
  Revert: RevertSchema,
  NewNote: NewNoteSchema,
  NotePatch: NotePatchSchema,
  DatasetPatch: DatasetPatchSchema,
  NewUser: NewUserSchema,
  UserPatch: UserPatchSchema,
  PasswordReset: PasswordResetSchema,
  PasswordChange: PasswordChangeSchema,
};

const RESPONSES: Record<string, z.ZodType> = {
  Session: SessionResponseSchema,
  User: UserSchema,
  RevisionList: z.object({ revisions: z.array(RevisionSchema) }),
  RecordRevisionList: z.object({
    revisions: z.array(
      RevisionSchema.extend({
        diff: z
          .array(FieldDiffSchema)
          .describe('What this revision changed, field by field (content fields only; computed)'),
      }),
    ),
  }),
  RevertConflict: RevertConflictSchema,
  UserList: z.object({ users: z.array(UserSchema) }),
  ImportReport: ImportReportSchema,
  SessionList: z.object({
    sessions: z.array(
      z.object({
        id: z.string(),
        current: z.boolean(),
        createdAt: z.string().nullable(),
        lastSeenAt: z.string().nullable(),
        expiresAt: z.string(),
        address: z.string().nullable(),
        userAgent: z.string().nullable(),
      }),
    ),
  }),
  AuditLog: z.object({
    entries: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        actor: z.string().nullable(),
        action: z.string(),
        address: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
};

function schemasOf(all: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(all)) {
    const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
    out[id] = rest;
  }
  return out;
}

export function editorComponents(): { schemas: Record<string, JsonObject>; securitySchemes: JsonObject } {
  return {
    schemas: { ...schemasOf(REQUESTS, 'input'), ...schemasOf(RESPONSES, 'output') },
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: 'atlas_session',
        description: 'Set by POST /api/v1/session',
      },
      csrf: {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description: 'The csrfToken of the login answer; required on every change',
      },
    },
  };
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string): JsonObject => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});
const json = (description: string, name: string, headers?: JsonObject): JsonObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const idParam = (description: string): JsonObject => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const ifMatch: JsonObject = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description:
    'The version you edited, as the ETag gives it ("3"), or * to overwrite whatever it is now; 428 without it, 409 when it is stale',
  schema: { type: 'string' },
};
const changeReason: JsonObject = {
  name: 'X-Change-Reason',
  in: 'header',
  required: false,
  description:
    "Why the change was made, stored with its revision (up to 500 characters). Latin-1 as is; any other text as UTF-8'' followed by the percent-encoded UTF-8 (RFC 8187), e.g. UTF-8''Fix%20%E2%80%94%20date",
  schema: { type: 'string' },
};
const VERSION_HEADER = { ETag: { description: 'The new version', schema: { type: 'string' } } };
const EMAIL_PARAM = {
  name: 'email',
  in: 'path',
  required: true,
  description: 'The user’s e-mail address',
  schema: { type: 'string' },
};
const READ = [{ session: [] }];
const WRITE = [{ session: [], csrf: [] }];
const DENIED = {
  '401': error('Not logged in'),
  '403': error(
    'No CSRF token, a request from another site (Origin / Sec-Fetch-Site), or not allowed for this role or dataset',
  ),
};

/** Operations by path; merged with the read API's paths (same path, other methods). */
export function editorPaths(): Record<string, JsonObject> {
  return {
    '/api/v1/session': {
      post: {
        operationId: 'createSession',
        summary: 'Log in: sets the session cookie (HttpOnly, SameSite=Strict) and returns the CSRF token',
        security: [],
        requestBody: body('Login'),
        responses: {
          '200': json('Logged in', 'Session'),
          '401': error('Wrong e-mail or password (one answer for both)'),
          '429': error('Too many failed logins; Retry-After says when to try again'),
        },
      },
      get: {
        operationId: 'getSession',
        summary: 'Who is logged in, with the CSRF token again; user and csrfToken are null when nobody is',
        security: READ,
        responses: { '200': json('The session, or nulls', 'Session') },
      },
      delete: {
        operationId: 'deleteSession',
        summary: 'Log out',
        security: WRITE,
        responses: { '204': { description: 'Logged out; the cookie is cleared' }, ...DENIED },
      },
    },
    '/api/v1/datasets/{id}/agreements': {
      post: {
        operationId: 'createAgreement',
        summary:
          'Add an agreement (partners as ISO codes or names; a date as text or parts; sources as URLs)',
        security: WRITE,
        parameters: [idParam('Dataset id')],
        requestBody: body('NewAgreement'),
        responses: {
          '201': json('Created; Location names it', 'Agreement', VERSION_HEADER),
          '400': error('A field is invalid; details name each one'),
          ...DENIED,
          '404': error('No such dataset'),
        },
      },
    },
    '/api/v1/datasets/{id}/import': {
      post: {
        operationId: 'importDataset',
        summary:
          'Import a spreadsheet (seed layout, normalized CSV/XLSX or JSON document): it becomes the dataset, as with atlas import',
        security: WRITE,
        parameters: [
          idParam('Dataset id'),
          {
            name: 'dryRun',
            in: 'query',
            description: 'true: report only, write nothing',
            schema: { type: 'boolean' },
          },
          {
            name: 'filename',
            in: 'query',
            description: 'For a raw body: the file name, whose extension says how to read it',
            schema: { type: 'string' },
          },
          {
            name: 'basis',
            in: 'query',
            description:
              'The "basis" of the dry run that was approved: apply only while the dataset is in that state (else 409 with the new preview). Also a form field',
            schema: { type: 'string' },
          },
          {
            name: 'reason',
            in: 'query',
            description: 'Why (stored on every revision the import writes). Also a form field',
            schema: { type: 'string', maxLength: 500 },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'string', format: 'binary' },
                  basis: { type: 'string' },
                  reason: { type: 'string', maxLength: 500 },
                },
                required: ['file'],
              },
            },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
          },
        },
        responses: {
          '200': json('What changed (or would change, on a dry run)', 'ImportReport'),
          '400': error('No file, or no file name for a raw body'),
          ...DENIED,
          '404': error('No such dataset'),
          '409': json(
            'The dataset changed since the preview named by basis; nothing was written. The body is the new preview',
            'ImportReport',
          ),
          '413': error('The file is over 50 MB'),
          '422': json(
            'The file has errors (each with its line and column); nothing was written',
            'ImportReport',
          ),
        },
      },
    },
    '/api/v1/agreements/{id}': {
      patch: {
        operationId: 'updateAgreement',
        summary: 'Change fields of an agreement',
        security: WRITE,
        parameters: [idParam('Agreement id'), ifMatch, changeReason],
        requestBody: body('AgreementPatch'),
        responses: {
          '200': json('Changed', 'Agreement', VERSION_HEADER),
          '400': error('A field is invalid; details name each one'),
          ...DENIED,
          '404': error('No such agreement'),
          '409': error('Changed by someone else since that version; `current` holds the record now'),
          '428': error('If-Match is missing'),
        },
      },
      delete: {
        operationId: 'deleteAgreement',
        summary: 'Delete an agreement (its history is kept; a revert brings it back)',
        security: WRITE,
        parameters: [idParam('Agreement id'), ifMatch, changeReason],
        responses: {
          '204': { description: 'Deleted' },
          ...DENIED,
          '404': error('No such agreement'),
          '409': error('Changed by someone else since that version'),
          '428': error('If-Match is missing'),
        },
      },
    },
    '/api/v1/agreements/{id}/revisions': {
      get: {
        operationId: 'listAgreementRevisions',
        summary:
          'The history of an agreement, newest first (who, when, why, before and after, and the diff: what each changed, field by field)',
        security: READ,
        parameters: [idParam('Agreement id')],
        responses: {
          '200': json('The revisions', 'RecordRevisionList'),
          '401': error('Not logged in'),
          '404': error('No such agreement'),
        },
      },
    },
    '/api/v1/agreements/{id}/revert': {
      post: {
        operationId: 'revertAgreement',
        summary:
          'Undo one revision: the fields it changed go back to their values before it, later changes to other fields are kept (recorded as a new revision; undoing a creation deletes, undoing a deletion recreates)',
        security: WRITE,
        parameters: [idParam('Agreement id'), ifMatch, changeReason],
        requestBody: body('Revert'),
        responses: {
          '200': json('The agreement now', 'Agreement', VERSION_HEADER),
          '204': { description: 'Undoing a creation deleted the agreement' },
          ...DENIED,
          '404': error('No such agreement or revision'),
          '409': {
            description:
              'If-Match is stale (`current` holds the record now, as PATCH answers), or a later revision changed a field of this one again: error.code "changed_later", error.fields names them; send force: true to undo anyway',
            content: { 'application/json': { schema: ref('RevertConflict') } },
          },
          '428': error('If-Match is missing'),
        },
      },
    },
    '/api/v1/datasets/{id}': {
      patch: {
        operationId: 'updateDataset',
        summary:
          "Change what readers see of a dataset: title, description, citation, source, licence, credits, categories' labels and colours (admins only)",
        security: WRITE,
        parameters: [idParam('Dataset id')],
        requestBody: body('DatasetPatch'),
        responses: {
          '200': { description: 'Changed: { dataset }' },
          '400': error('A field is invalid; details name each one'),
          ...DENIED,
          '404': error('No such dataset'),
        },
      },
    },
    '/api/v1/datasets/{id}/revisions': {
      get: {
        operationId: 'listDatasetRevisions',
        summary: "The dataset's recent changes (records, notes, configuration), newest first",
        security: READ,
        parameters: [
          idParam('Dataset id'),
          {
            name: 'limit',
            in: 'query',
            description: 'How many, 1 to 1000 (default 100)',
            schema: { type: 'integer' },
          },
        ],
        responses: {
          '200': json('The revisions', 'RevisionList'),
          '400': error('limit is out of range'),
          '401': error('Not logged in'),
          '404': error('No such dataset'),
        },
      },
    },
    '/api/v1/datasets/{id}/notes': {
      post: {
        operationId: 'createNote',
        summary: 'Add a research note on a country (the country by ISO code or name; sources as URLs)',
        security: WRITE,
        parameters: [idParam('Dataset id')],
        requestBody: body('NewNote'),
        responses: {
          '201': json('Created; Location names it', 'CountryNote', VERSION_HEADER),
          '400': error('A field is invalid; details name each one'),
          ...DENIED,
          '404': error('No such dataset'),
        },
      },
    },
    '/api/v1/notes/{id}': {
      patch: {
        operationId: 'updateNote',
        summary: 'Change a research note',
        security: WRITE,
        parameters: [idParam('Note id'), ifMatch, changeReason],
        requestBody: body('NotePatch'),
        responses: {
          '200': json('Changed', 'CountryNote', VERSION_HEADER),
          '400': error('A field is invalid; details name each one'),
          ...DENIED,
          '404': error('No such note'),
          '409': error('Changed by someone else since that version; `current` holds the note now'),
          '428': error('If-Match is missing'),
        },
      },
      delete: {
        operationId: 'deleteNote',
        summary: 'Delete a research note (its history is kept)',
        security: WRITE,
        parameters: [idParam('Note id'), ifMatch, changeReason],
        responses: {
          '204': { description: 'Deleted' },
          ...DENIED,
          '404': error('No such note'),
          '409': error('Changed by someone else since that version'),
          '428': error('If-Match is missing'),
        },
      },
    },
    '/api/v1/notes/{id}/revisions': {
      get: {
        operationId: 'listNoteRevisions',
        summary: 'The history of a research note, newest first, each with its diff',
        security: READ,
        parameters: [idParam('Note id')],
        responses: {
          '200': json('The revisions', 'RecordRevisionList'),
          '401': error('Not logged in'),
          '404': error('No such note'),
        },
      },
    },
    '/api/v1/notes/{id}/revert': {
      post: {
        operationId: 'revertNote',
        summary: 'Undo one revision of a research note, field by field, as for agreements',
        security: WRITE,
        parameters: [idParam('Note id'), ifMatch, changeReason],
        requestBody: body('Revert'),
        responses: {
          '200': json('The note now', 'CountryNote', VERSION_HEADER),
          '204': { description: 'Undoing a creation deleted the note' },
          ...DENIED,
          '404': error('No such note or revision'),
          '409': {
            description:
              'If-Match is stale, or a later revision changed a field of this one again (error.code "changed_later", error.fields); force: true overrides',
            content: { 'application/json': { schema: ref('RevertConflict') } },
          },
          '428': error('If-Match is missing'),
        },
      },
    },
    '/api/v1/publish': {
      get: {
        operationId: 'getPublishStatus',
        summary:
          'Whether a static copy is written on publishing, and the versions of each dataset published so far',
        security: READ,
        responses: { '200': { description: 'The publishing status' }, '401': error('Not logged in') },
      },
      post: {
        operationId: 'publishSite',
        summary:
          'Publish: record the next numbered version of a dataset (body {note?, dataset?}; default: the default dataset), then write the static copy (atlas bake) where the operator configured a folder (ATLAS_PUBLISH_DIR)',
        security: WRITE,
        responses: {
          '201': {
            description: 'Version N+1 recorded: {created: true, version, baked, files, bytes, gzipBytes}',
          },
          '200': {
            description: 'Nothing changed since the latest version: {created: false, message, version}',
          },
          '400': error('The note is too long or the body has unknown fields'),
          ...DENIED,
          '404': error('No such dataset'),
          '409': error('Another publication is running (on this or another server); try again'),
        },
      },
    },
    '/api/v1/users': {
      get: {
        operationId: 'listUsers',
        summary: 'The users (admins only)',
        security: READ,
        responses: { '200': json('The users', 'UserList'), ...DENIED },
      },
      post: {
        operationId: 'createUser',
        summary: 'Add a user (admins only)',
        security: WRITE,
        requestBody: body('NewUser'),
        responses: {
          '201': json('Added', 'User'),
          '400': error('Not an e-mail address, or the password is too short'),
          ...DENIED,
          '409': error('A user with that e-mail exists'),
        },
      },
    },
    '/api/v1/users/{email}': {
      patch: {
        operationId: 'updateUser',
        summary:
          "Change a user's role, datasets, right to publish, or disable/enable them (admins only); a role change or disabling ends their sessions",
        security: WRITE,
        parameters: [EMAIL_PARAM],
        requestBody: body('UserPatch'),
        responses: {
          '200': json('Changed', 'User'),
          '400': error('An unknown dataset or field'),
          ...DENIED,
          '404': error('No such user'),
          '409': error('An administrator cannot disable or demote themselves'),
        },
      },
    },
    '/api/v1/users/{email}/password': {
      post: {
        operationId: 'resetUserPassword',
        summary: "Set a user's password (admins only); every session of that user ends",
        security: WRITE,
        parameters: [EMAIL_PARAM],
        requestBody: body('PasswordReset'),
        responses: {
          '204': { description: 'Set' },
          '400': error('Too short'),
          ...DENIED,
          '404': error('No such user'),
        },
      },
    },
    '/api/v1/session/password': {
      post: {
        operationId: 'changePassword',
        summary: 'Change your own password with the current one; your other sessions end, this one stays',
        security: WRITE,
        requestBody: body('PasswordChange'),
        responses: {
          '204': { description: 'Changed' },
          '400': error('The current password is wrong, or the new one too short'),
          ...DENIED,
          '429': error('Too many wrong passwords; Retry-After says when to try again'),
        },
      },
    },
    '/api/v1/session/list': {
      get: {
        operationId: 'listSessions',
        summary: 'Your sessions: when started, last seen, address, browser; which one is this',
        security: READ,
        responses: { '200': json('Your sessions', 'SessionList'), ...DENIED },
      },
      delete: {
        operationId: 'deleteOtherSessions',
        summary: 'End all your other sessions',
        security: WRITE,
        responses: { '200': { description: '{ended: N}' }, ...DENIED },
      },
    },
    '/api/v1/session/list/{id}': {
      delete: {
        operationId: 'endSession',
        summary: 'End one of your sessions',
        security: WRITE,
        parameters: [idParam('The session id from GET /api/v1/session/list')],
        responses: { '204': { description: 'Ended' }, ...DENIED, '404': error('You have no such session') },
      },
    },
    '/api/v1/audit': {
      get: {
        operationId: 'listAudit',
        summary:
          'The audit log, newest first (admins only): logins, failures, logouts, account changes, imports, publications',
        security: READ,
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          { name: 'before', in: 'query', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: { '200': json('Entries', 'AuditLog'), '400': error('A bad limit'), ...DENIED },
      },
    },
  };
}
