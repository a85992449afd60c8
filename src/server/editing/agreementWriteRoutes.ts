import type { Hono } from 'hono';
import { type AgreementId, AgreementIdSchema } from '../../core/ids.ts';
import type { Agreement } from '../../core/schemas.ts';
import type { EditorEnv } from '../auth/sessions.ts';
import { jsonBody } from '../http/jsonBody.ts';
import { AgreementPatchSchema, agreementPatch } from './agreementInput.ts';
import { type Deps, recordWriteRoutes } from './editorShared.ts';

// The editor API's agreement routes (DESIGN.md), mounted at /api/v1/agreements: change and delete with optimistic
// concurrency (If-Match), history and revert. Every route needs a session, every change the CSRF token, and a
// change refreshes the public snapshots at once.

export function agreementWriteRoutes(deps: Deps): Hono<EditorEnv> {
  const { store } = deps;
  return recordWriteRoutes<Agreement, Partial<Agreement>>(deps, {
    what: 'agreement',
    idSchema: AgreementIdSchema,
    get: (id) => store.getAgreement(id as AgreementId),
    patch: async (c, current, ctx) => agreementPatch(await jsonBody(c, AgreementPatchSchema), current, ctx),
    update: (id, version, patch, by) => store.updateAgreement(id as AgreementId, version, patch, by),
    remove: (id, version, by) => store.deleteAgreement(id as AgreementId, version, by),
  });
}
