import type { Hono } from 'hono';
import { type NoteId, NoteIdSchema } from '../../core/ids.ts';
import type { CountryNote, NoteContent } from '../../core/schemas.ts';
import type { EditorEnv } from '../auth/sessions.ts';
import { jsonBody } from '../http/jsonBody.ts';
import { type Deps, recordWriteRoutes } from './editorShared.ts';
import { NotePatchSchema, notePatch } from './noteInput.ts';

// The editor API's research-note routes, mounted at /api/v1/notes: changed like agreements (If-Match, history,
// revert).

export function noteWriteRoutes(deps: Deps): Hono<EditorEnv> {
  const { store } = deps;
  return recordWriteRoutes<CountryNote, Partial<NoteContent>>(deps, {
    what: 'note',
    idSchema: NoteIdSchema,
    get: (id) => store.getNote(id as NoteId),
    patch: async (c, _current, ctx) => notePatch(await jsonBody(c, NotePatchSchema), ctx),
    update: (id, version, patch, by) => store.updateNote(id as NoteId, version, patch, by),
    remove: (id, version, by) => store.deleteNote(id as NoteId, version, by),
  });
}
