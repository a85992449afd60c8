import { Hono } from 'hono';
import { z } from 'zod';
import { normalizeEmail, passwordProblem } from '../../core/passwordPolicy.ts';
import type { Store, UserPatch } from '../../store/types.ts';
import { NewUserSchema } from '../editing/editorSchemas.ts';
import { HttpError } from '../http/httpError.ts';
import { invalidInput, jsonBody } from '../http/jsonBody.ts';
import { audit } from './audit.ts';
import { hashPassword } from './passwords.ts';
import { type EditorEnv, requireEditor } from './sessions.ts';

// /api/v1/users (administrators): list and add the people who may edit, change their role, datasets and right to
// publish, disable or enable them, reset a password. A role change, disabling or a reset ends the user's sessions.

export const UserPatchSchema = z
  .strictObject({
    role: z.enum(['admin', 'editor']),
    disabled: z.boolean(),
    datasets: z
      .array(z.string().min(1).max(100))
      .max(1000)
      .nullable()
      .describe('Datasets an editor may change; null: every dataset'),
    canPublish: z.boolean(),
  })
  .partial();

export const PasswordResetSchema = z.strictObject({
  password: z.string().max(1024).describe('The new password: at least 12 characters'),
});

export function userRoutes(store: Store): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.use('*', requireEditor(store, 'admin'));

  const known = async (raw: string): Promise<string> => {
    const email = normalizeEmail(decodeURIComponent(raw));
    const user = email === null ? null : await store.findUser(email);
    if (user === null) throw new HttpError(404, 'not_found', `there is no user "${raw}"`);
    return user.email;
  };

  app.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ users: await store.listUsers() });
  });

  app.post('/', async (c) => {
    const body = await jsonBody(c, NewUserSchema);
    const email = normalizeEmail(body.email);
    if (email === null)
      throw invalidInput([{ field: 'email', message: `"${body.email}" is not an e-mail address` }]);
    const problem = passwordProblem(body.password);
    if (problem !== null) throw invalidInput([{ field: 'password', message: problem }]);
    if (await store.findUser(email)) throw new HttpError(409, 'conflict', `a user ${email} already exists`);
    const user = await store.createUser(email, body.role, await hashPassword(body.password));
    await audit(c, store, 'user-added', { email, role: body.role });
    c.header('Location', '/api/v1/users');
    return c.json({ user }, 201);
  });

  app.patch('/:email', async (c) => {
    const email = await known(c.req.param('email'));
    const body = await jsonBody(c, UserPatchSchema);
    const me = c.get('user');
    // An administrator cannot lock themselves out; another administrator can.
    if (email === me.email && (body.disabled === true || (body.role !== undefined && body.role !== 'admin')))
      throw new HttpError(
        409,
        'conflict',
        'you cannot disable yourself or give up your own administrator role; ask another administrator',
      );
    if (body.datasets) {
      const ids = new Set((await store.listDatasets()).map((d) => d.id as string));
      const unknown = body.datasets.filter((d) => !ids.has(d));
      if (unknown.length > 0)
        throw invalidInput([
          {
            field: 'datasets',
            message: `${unknown.map((d) => `"${d}"`).join(', ')}: no such dataset; known: ${[...ids].join(', ')}`,
          },
        ]);
    }
    const patch: UserPatch = {};
    if (body.role !== undefined) patch.role = body.role;
    if (body.disabled !== undefined) patch.disabled = body.disabled;
    if (body.datasets !== undefined) patch.datasets = body.datasets;
    if (body.canPublish !== undefined) patch.canPublish = body.canPublish;
    const user = await store.updateUser(email, patch);
    await audit(c, store, 'user-changed', { email, ...body });
    c.header('Cache-Control', 'no-store');
    return c.json({ user });
  });

  app.post('/:email/password', async (c) => {
    const email = await known(c.req.param('email'));
    const body = await jsonBody(c, PasswordResetSchema);
    const problem = passwordProblem(body.password);
    if (problem !== null) throw invalidInput([{ field: 'password', message: problem }]);
    // The admin's own session survives resetting their own password; every other session of that user ends.
    const keep = email === c.get('user').email ? c.get('session').tokenHash : undefined;
    await store.updateUser(email, { passwordHash: await hashPassword(body.password) }, keep);
    await audit(c, store, 'password-reset', { email });
    return c.body(null, 204);
  });

  return app;
}
