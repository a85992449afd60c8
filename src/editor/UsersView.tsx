import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { formatTime, t } from './text.ts';

// Administrators see who may edit, add people, and change a user's role, datasets and right to publish, disable
// or enable them and set a new password (the server ends their sessions).

type User = {
  id: number;
  email: string;
  role: string;
  createdAt: string;
  disabled: boolean;
  datasets: string[] | null;
  canPublish: boolean;
};
type Dataset = { id: string; title: string };

function UserEditor(props: {
  user: User;
  datasets: Dataset[];
  onDone: (message: string) => Promise<void>;
}): JSX.Element {
  const u = props.user;
  const [error, setError] = useState('');
  const [all, setAll] = useState(u.datasets === null);

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError('');
    const r = await api<{ user: User }>('PATCH', `/api/v1/users/${encodeURIComponent(u.email)}`, {
      body: {
        role: form.get('role'),
        datasets: form.get('all') ? null : form.getAll('datasets'),
        canPublish: form.get('canPublish') === 'on',
      },
    });
    if (!r.ok) return setError(r.message);
    await props.onDone(t.userChanged(u.email));
  };
  const toggle = async (): Promise<void> => {
    setError('');
    const r = await api('PATCH', `/api/v1/users/${encodeURIComponent(u.email)}`, {
      body: { disabled: !u.disabled },
    });
    if (!r.ok) return setError(r.message);
    await props.onDone(t.userChanged(u.email));
  };
  const reset = async (e: Event): Promise<void> => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    setError('');
    const r = await api('POST', `/api/v1/users/${encodeURIComponent(u.email)}/password`, {
      body: { password: new FormData(formEl).get('password') },
    });
    if (!r.ok) return setError(r.message);
    formEl.reset();
    await props.onDone(t.passwordReset(u.email));
  };

  return (
    <div class="ed-card" data-testid="user-editor">
      <h3>{u.email}</h3>
      <form onSubmit={save}>
        <label class="ed-field">
          <span>{t.role}</span>
          <select name="role" defaultValue={u.role} data-testid="user-role">
            {Object.entries(t.roles).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="ed-field">
          <legend>{t.datasetsLabel}</legend>
          <label>
            <input
              type="checkbox"
              name="all"
              checked={all}
              onChange={(e) => setAll(e.currentTarget.checked)}
              data-testid="user-all-datasets"
            />{' '}
            {t.allDatasets}
          </label>
          {props.datasets.map((d) => (
            <label key={d.id}>
              <input
                type="checkbox"
                name="datasets"
                value={d.id}
                disabled={all}
                defaultChecked={u.datasets?.includes(d.id) ?? false}
              />{' '}
              {d.title}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" name="canPublish" defaultChecked={u.canPublish} data-testid="user-publish" />{' '}
          {t.mayPublish}
        </label>
        <p>
          <button type="submit" class="ed-button ed-primary" data-testid="user-save">
            {t.saveRights}
          </button>{' '}
          <button type="button" class="ed-button" onClick={toggle} data-testid="user-toggle">
            {u.disabled ? t.enable : t.disable}
          </button>
        </p>
      </form>
      <form onSubmit={reset}>
        <label class="ed-field">
          <span>{t.newPassword}</span>
          <input name="password" type="password" required minLength={12} autoComplete="new-password" />
        </label>
        <button type="submit" class="ed-button" data-testid="user-reset">
          {t.resetPassword}
        </button>
      </form>
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function UsersView(): JSX.Element {
  const [users, setUsers] = useState<User[]>([]);
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const load = async (): Promise<void> => {
    const r = await api<{ users: User[] }>('GET', '/api/v1/users');
    if (r.ok) setUsers(r.data.users);
    else setError(r.message);
  };
  useEffect(() => {
    void load();
    void api<{ datasets: Dataset[] }>('GET', '/api/v1/datasets').then((r) => {
      if (r.ok) setDatasets(r.data.datasets);
    });
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
  const titleOf = (id: string): string => datasets.find((d) => d.id === id)?.title ?? id;
  const editedUser = users.find((u) => u.email === editing);

  return (
    <section class="ed-card" aria-labelledby="ed-users-title">
      <h2 id="ed-users-title">{t.users}</h2>
      <table class="ed-table" data-testid="user-table">
        <thead>
          <tr>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.datasetsLabel}</th>
            <th scope="col">{t.mayPublish}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.added}</th>
            <th scope="col">{t.changeUser}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.email}`}>
              <th scope="row">{u.email}</th>
              <td>{t.roles[u.role] ?? u.role}</td>
              <td>
                {u.role === 'admin' || u.datasets === null
                  ? t.allDatasets
                  : u.datasets.map(titleOf).join(', ')}
              </td>
              <td>{u.role === 'admin' || u.canPublish ? '✓' : '–'}</td>
              <td>{u.disabled ? t.disabledStatus : t.active}</td>
              <td>{formatTime(u.createdAt)}</td>
              <td>
                <button
                  type="button"
                  class="ed-button"
                  aria-expanded={editing === u.email}
                  onClick={() => setEditing(editing === u.email ? null : u.email)}
                >
                  {t.changeUser}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editedUser ? (
        <UserEditor
          key={`${editedUser.email}-${editedUser.disabled}-${editedUser.role}`}
          user={editedUser}
          datasets={datasets}
          onDone={async (m) => {
            setMessage(m);
            await load();
          }}
        />
      ) : null}
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
