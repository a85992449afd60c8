import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { formatTime, t } from './text.ts';

// Administrators see who may edit and add people.

type User = { id: number; email: string; role: string; createdAt: string };

export function UsersView(): JSX.Element {
  const [users, setUsers] = useState<User[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const load = async (): Promise<void> => {
    const r = await api<{ users: User[] }>('GET', '/api/v1/users');
    if (r.ok) setUsers(r.data.users);
    else setError(r.message);
  };
  useEffect(() => {
    void load();
  }, []);

  const add = async (e: Event): Promise<void> => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    setError('');
    setMessage('');
    const r = await api<{ user: User }>('POST', '/api/v1/users', {
      body: { email: form.get('email'), password: form.get('password'), role: form.get('role') },
    });
    if (!r.ok) return setError(r.message);
    setMessage(t.userAdded(r.data.user.email));
    formEl.reset();
    await load();
  };

  return (
    <section class="ed-card" aria-labelledby="ed-users-title">
      <h2 id="ed-users-title">{t.users}</h2>
      <table class="ed-table" data-testid="user-table">
        <thead>
          <tr>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.added}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.email}</th>
              <td>{t.roles[u.role] ?? u.role}</td>
              <td>{formatTime(u.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="ed-add-user" onSubmit={add}>
        <h3>{t.addUser}</h3>
        <label class="ed-field">
          <span>{t.email}</span>
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <label class="ed-field">
          <span>{t.password}</span>
          <input name="password" type="password" required minLength={12} autoComplete="new-password" />
        </label>
        <label class="ed-field">
          <span>{t.role}</span>
          <select name="role">
            {Object.entries(t.roles).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {error ? (
          <p class="ed-error" role="alert">
            {error}
          </p>
        ) : null}
        {message ? (
          <p class="ed-ok" role="status">
            {message}
          </p>
        ) : null}
        <button type="submit" class="ed-button ed-primary">
          {t.addUser}
        </button>
      </form>
    </section>
  );
}
