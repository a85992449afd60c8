import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { formatNumber, formatTime, t } from './text.ts';

// Publishing: the live map already shows every change; this writes the static copy (as `atlas bake` does) into
// the folder the operator configured, for a plain static host.

type Status = {
  configured: boolean;
  siteUrl: string | null;
  datasets: Array<{ id: string; title: string; lastPublished: string | null }>;
};
type Result = { files: number; gzipBytes: number; publishedAt: string; siteUrl: string | null };

export function PublishView(): JSX.Element {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
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

  const publish = async (): Promise<void> => {
    setBusy(true);
    setError('');
    const r = await api<Result>('POST', '/api/v1/publish');
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setResult(r.data);
    await load();
  };

  return (
    <section class="ed-card ed-import" aria-labelledby="ed-publish-title" data-testid="publish">
      <h2 id="ed-publish-title">{t.publishTitle}</h2>
      <p class="ed-hint">{t.publishHint}</p>
      {status ? (
        <ul class="ed-problems">
          {status.datasets.map((d) => (
            <li key={d.id}>
              {d.title}: {d.lastPublished ? t.lastPublished(formatTime(d.lastPublished)) : t.neverPublished}
            </li>
          ))}
        </ul>
      ) : null}
      {status && !status.configured ? <p class="ed-warning">{t.publishOff}</p> : null}
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <p class="ed-ok" role="status" data-testid="publish-result">
          {t.published(formatNumber(result.files), formatNumber(Math.round(result.gzipBytes / 1024)))}{' '}
          {result.siteUrl ? <a href={result.siteUrl}>{result.siteUrl}</a> : null}
        </p>
      ) : null}
      <button
        type="button"
        class="ed-button ed-primary"
        disabled={busy || !status?.configured}
        onClick={publish}
        data-testid="publish-button"
      >
        {busy ? t.publishing : t.publish}
      </button>
    </section>
  );
}
