import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken, whenLoggedOut } from './api.ts';
import { Login } from './Login.tsx';
import { t } from './text.ts';
import { Workspace } from './Workspace.tsx';

// The editor: who is logged in decides what is shown. The session lives in an HttpOnly cookie; the page only
// keeps the CSRF token the server hands out with it.

export type SessionUser = {
  email: string;
  role: 'admin' | 'editor';
  datasets?: string[] | null;
  canPublish?: boolean;
};
type SessionAnswer = { user: SessionUser; csrfToken: string };
type SessionState = { user: SessionUser | null; csrfToken: string | null };

export function EditorApp(): JSX.Element {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    whenLoggedOut(() => {
      setCsrfToken('');
      setUser(null);
    });
    void api<SessionState>('GET', '/api/v1/session').then((r) => {
      if (r.ok && r.data.csrfToken) setCsrfToken(r.data.csrfToken);
      setUser(r.ok ? r.data.user : null);
    });
  }, []);

  const loggedIn = (answer: SessionAnswer): void => {
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
  };
  const logOut = async (): Promise<void> => {
    await api('DELETE', '/api/v1/session');
    setCsrfToken('');
    setUser(null);
  };

  if (user === undefined)
    return (
      <p class="ed-status" role="status">
        {t.loading}
      </p>
    );
  if (user === null) return <Login onLoggedIn={loggedIn} />;
  return <Workspace user={user} onLogOut={logOut} />;
}
