import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { formatTime, t } from './text.ts';

// Administrators read the audit log: who did what, when, from where; older entries page in.

type Entry = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  address: string | null;
  details: Record<string, unknown>;
};

const PAGE = 100;

export function AuditView(): JSX.Element {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState('');

  const load = async (before?: number): Promise<void> => {
    const query: Record<string, string> = { limit: String(PAGE) };
    if (before !== undefined) query.before = String(before);
    const r = await api<{ entries: Entry[] }>('GET', '/api/v1/audit', { query });
    if (!r.ok) return setError(r.message);
    setEntries((old) => (before === undefined ? r.data.entries : [...old, ...r.data.entries]));
    setMore(r.data.entries.length === PAGE);
  };
  useEffect(() => {
    void load();
  }, []);

  return (
    <section class="ed-card" aria-labelledby="ed-audit-title">
      <h2 id="ed-audit-title">{t.auditTitle}</h2>
      <p class="ed-hint">{t.auditHint}</p>
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="ed-table-wrap">
        <table class="ed-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.what}</th>
              <th scope="col">{t.address}</th>
              <th scope="col">{t.details}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.at)}</td>
                <td>{e.actor ?? '–'}</td>
                <td>{e.action}</td>
                <td>{e.address ?? '–'}</td>
                <td>
                  <code>{Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more ? (
        <p>
          <button type="button" class="ed-button" onClick={() => void load(entries.at(-1)?.id)}>
            {t.olderEntries}
          </button>
        </p>
      ) : null}
    </section>
  );
}
