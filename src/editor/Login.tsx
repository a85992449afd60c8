import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from './api.ts';
import type { SessionUser } from './EditorApp.tsx';
import { t } from './text.ts';

export function Login(props: {
  onLoggedIn: (a: { user: SessionUser; csrfToken: string }) => void;
}): JSX.Element {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError('');
    const r = await api<{ user: SessionUser; csrfToken: string }>('POST', '/api/v1/session', {
      body: { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') },
    });
    setBusy(false);
    if (r.ok) props.onLoggedIn(r.data);
    else setError(r.message);
  };

  return (
    <main class="ed-login">
      <h1>{t.appTitle}</h1>
      <form class="ed-card" onSubmit={submit} data-testid="login-form">
        <h2>{t.loginTitle}</h2>
        <label class="ed-field">
          <span>{t.email}</span>
          <input name="email" type="email" autoComplete="username" required data-testid="login-email" />
        </label>
        <label class="ed-field">
          <span>{t.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            data-testid="login-password"
          />
        </label>
        {error ? (
          <p class="ed-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <button type="submit" class="ed-button ed-primary" disabled={busy}>
          {busy ? t.loggingIn : t.logIn}
        </button>
        <p class="ed-hint">{t.loginHint}</p>
      </form>
    </main>
  );
}
