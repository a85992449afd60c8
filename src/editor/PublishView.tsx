import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { formatNumber, formatTime, t } from './text.ts';

// Publishing: the live map already shows every change; Publish records the next numbered version (frozen,
// citable, in the change log) with an optional note, and writes the static copy (as `atlas bake` does) where the
// operator configured a folder. Lists the versions published so far.

type VersionRow = {
  number: number;
  publishedAt: string;
  note: string;
  added: number;
  changed: number;
  removed: number;
};
type Status = {
  configured: boolean;
  siteUrl: string | null;
  datasets: Array<{ id: string; title: string; lastPublished: string | null; versions: VersionRow[] }>;
};
type Result = {
  created: boolean;
  message: string;
  baked: boolean;
  files: number;
  gzipBytes: number;
  siteUrl: string | null;
};

export function PublishView(): JSX.Element {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');

  const load = async (): Promise<void> => {
    const r = await api<Status>('GET', '/api/v1/publish');
    if (r.ok) setStatus(r.data);
    else setError(r.message);
  };
  useEffect(() => {
    void load();
  }, []);

  const publish = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError('');
    setResult(null);
    const r = await api<Result>('POST', '/api/v1/publish', {
      body: note.trim() ? { note: note.trim() } : {},
    });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setResult(r.data);
    if (r.data.created) setNote('');
    await load();
  };

  return (
    <section class="ed-card ed-import" aria-labelledby="ed-publish-title" data-testid="publish">
      <h2 id="ed-publish-title">{t.publishTitle}</h2>
      <p class="ed-hint">{t.publishHint}</p>
      {status && !status.configured ? <p class="ed-hint">{t.publishOff}</p> : null}
      <form onSubmit={publish}>
        <label class="ed-field">
          <span>{t.publishNote}</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            data-testid="publish-note"
          />
        </label>
        {error ? (
          <p class="ed-error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? (
          <p class="ed-ok" role="status" data-testid="publish-result">
            {result.message}.{' '}
            {result.baked
              ? t.published(formatNumber(result.files), formatNumber(Math.round(result.gzipBytes / 1024)))
              : null}{' '}
            {result.siteUrl ? <a href={result.siteUrl}>{result.siteUrl}</a> : null}
          </p>
        ) : null}
        <button type="submit" class="ed-button ed-primary" disabled={busy} data-testid="publish-button">
          {busy ? t.publishing : t.publish}
        </button>
      </form>
      {status
        ? status.datasets.map((d) => (
            <div key={d.id}>
              <h3>
                {d.title}: {d.lastPublished ? t.lastPublished(formatTime(d.lastPublished)) : t.neverPublished}
              </h3>
              {d.versions.length > 0 ? (
                <ol class="ed-problems" aria-label={t.versionsTitle} data-testid={`versions-${d.id}`}>
                  {d.versions.map((v) => (
                    <li key={v.number}>
                      <strong>{t.versionItem(v.number, formatTime(v.publishedAt))}</strong>:{' '}
                      {t.versionChanges(v.added, v.changed, v.removed)}
                      {v.note ? ` — ${v.note}` : ''}
                    </li>
                  ))}
                </ol>
              ) : null}
            </div>
          ))
        : null}
    </section>
  );
}
