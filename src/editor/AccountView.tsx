import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { formatTime, t } from './text.ts';

// The logged-in user's own account: change the password (with the current one) and see and end their sessions.

type SessionRow = {
  id: string;
  current: boolean;
  createdAt: string | null;
  lastSeenAt: string | null;
  address: string | null;
  userAgent: string | null;
};

export function AccountView(): JSX.Element {
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const load = async (): Promise<void> => {
    const r = await api<{ sessions: SessionRow[] }>('GET', '/api/v1/session/list');
    if (r.ok) setSessions(r.data.sessions);
    else setError(r.message);
  };
  useEffect(() => {
    void load();
  }, []);

  const change = async (e: Event): Promise<void> => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    setError('');
    setMessage('');
    const r = await api('POST', '/api/v1/session/password', {
      body: { current: form.get('current'), password: form.get('password') },
    });
    if (!r.ok) return setError(r.message);
    formEl.reset();
    setMessage(t.passwordChanged);
    await load();
  };
  const end = async (id: string): Promise<void> => {
    setError('');
    const r = await api('DELETE', `/api/v1/session/list/${encodeURIComponent(id)}`);
    if (!r.ok) return setError(r.message);
    await load();
  };
  const endOthers = async (): Promise<void> => {
    setError('');
    const r = await api<{ ended: number }>('DELETE', '/api/v1/session/list');
    if (!r.ok) return setError(r.message);
    setMessage(t.endedOthers(r.data.ended));
    await load();
  };
  const when = (iso: string | null): string => (iso ? formatTime(iso) : '–');

  return (
    <section class="ed-card" aria-labelledby="ed-account-title">
      <h2 id="ed-account-title">{t.tabs.account}</h2>
      <form onSubmit={change} data-testid="password-form">
        <h3>{t.changePassword}</h3>
        <label class="ed-field">
          <span>{t.currentPassword}</span>
          <input name="current" type="password" required autoComplete="current-password" />
        </label>
        <label class="ed-field">
          <span>{t.newPassword}</span>
          <input name="password" type="password" required minLength={12} autoComplete="new-password" />
        </label>
        <button type="submit" class="ed-button ed-primary">
          {t.changePassword}
        </button>
      </form>
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
      <h3>{t.mySessions}</h3>
      <table class="ed-table" data-testid="session-table">
        <thead>
          <tr>
            <th scope="col">{t.sessionStarted}</th>
            <th scope="col">{t.lastSeen}</th>
            <th scope="col">{t.address}</th>
            <th scope="col">{t.browser}</th>
            <th scope="col">{t.endSession}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>{when(s.createdAt)}</td>
              <td>{when(s.lastSeenAt)}</td>
              <td>{s.address ?? '–'}</td>
              <td>{s.userAgent ?? '–'}</td>
              <td>
                {s.current ? (
                  t.thisSession
                ) : (
                  <button type="button" class="ed-button" onClick={() => void end(s.id)}>
                    {t.endSession}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.length > 1 ? (
        <p>
          <button type="button" class="ed-button" onClick={() => void endOthers()} data-testid="end-others">
            {t.endOthers}
          </button>
        </p>
      ) : null}
    </section>
  );
}
