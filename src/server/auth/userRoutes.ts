import { Hono } from 'hono';
import { normalizeEmail, passwordProblem } from '../../core/passwordPolicy.ts';
import type { Store } from '../../store/types.ts';
import { NewUserSchema } from '../editing/editorSchemas.ts';
import { HttpError } from '../http/httpError.ts';
import { invalidInput, jsonBody } from '../http/jsonBody.ts';
import { hashPassword } from './passwords.ts';
import { type EditorEnv, requireEditor } from './sessions.ts';

// GET|POST /api/v1/users: admins list and add the people who may edit. Passwords are stored as argon2 hashes.

export function userRoutes(store: Store): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.use('*', requireEditor(store, 'admin'));

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
    c.header('Location', '/api/v1/users');
    return c.json({ user }, 201);
  });

  return app;
}
