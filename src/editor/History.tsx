import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Revision } from '../core/schemas.ts';
import { api } from './api.ts';
import { formatTime, t } from './text.ts';

// A record's (or a note's) revisions, newest first: who changed it, when and why; each change can be undone.

/** The revisions at `url` (newest first), read again whenever `refresh` changes; null until they arrive. */
export function useRevisions(url: string, refresh: unknown) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void api<{ revisions: Revision[] }>('GET', url).then((r) => {
      if (r.ok) setRevisions(r.data.revisions);
      else setError(r.message);
    });
  }, [url, refresh]);
  return { revisions, error, setError };
}

export function History(props: {
  /** The record's API path: /api/v1/agreements/ID or /api/v1/notes/ID. */
  path: string;
  version: number;
  onReverted: (id: string | null) => Promise<void>;
}): JSX.Element {
  const { path } = props;
  const { revisions, error, setError } = useRevisions(`${path}/revisions`, props.version);

  const undo = async (revision: number): Promise<void> => {
    const r = await api<{ id: string } | null>('POST', `${path}/revert`, { body: { revision } });
    if (r.ok) await props.onReverted(r.data?.id ?? null);
    else setError(r.message);
  };

  return (
    <section class="ed-history" aria-labelledby="ed-history-title" data-testid="history">
      <h3 id="ed-history-title">{t.history}</h3>
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
      {revisions === null ? null : revisions.length === 0 ? (
        <p class="ed-hint">{t.noHistory}</p>
      ) : (
        <ol class="ed-revisions">
          {revisions.map((r, i) => (
            <li key={r.id}>
              <span>
                <strong>{t.actions[r.action] ?? r.action}</strong> {formatTime(r.at)} · {r.actor}
              </span>
              <span class="ed-hint">{r.reason}</span>
              {i < 10 && r.action !== 'create' ? (
                <button
                  type="button"
                  class="ed-button ed-small"
                  onClick={() => undo(r.id)}
                  data-testid={`undo-${r.id}`}
                >
                  {t.undo}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
