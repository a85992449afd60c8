import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from './api.ts';
import { t } from './text.ts';

// Import a spreadsheet: the file is read at once as a dry run, the editor shows what would change (and any
// error with its line and column), and only "Import it" writes.

type Problem = { line: number | null; column: string | null; message: string };
type Report = {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  dryRun: boolean;
  warnings: Problem[];
  errors: Problem[];
  changes: Array<{ id: string; fields: string[] }>;
  removedIds: string[];
};

function Problems(props: { items: Problem[]; kind: 'error' | 'warning' }): JSX.Element {
  return (
    <ul
      class={props.kind === 'error' ? 'ed-problems ed-error' : 'ed-problems'}
      data-testid={`import-${props.kind}s`}
    >
      {props.items.slice(0, 200).map((p, i) => (
        <li key={i}>
          {p.line !== null || p.column ? <strong>{t.at(p.line, p.column)}: </strong> : null}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

export function ImportView(props: { datasetId: string; onImported: () => Promise<void> }): JSX.Element {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'' | 'checking' | 'applying'>('');
  const [error, setError] = useState('');
  const url = `/api/v1/datasets/${encodeURIComponent(props.datasetId)}/import`;

  const send = async (f: File, dryRun: boolean): Promise<void> => {
    const form = new FormData();
    form.append('file', f, f.name);
    setBusy(dryRun ? 'checking' : 'applying');
    setError('');
    const r = await api<Report>('POST', url, { form, query: dryRun ? { dryRun: 'true' } : undefined });
    setBusy('');
    if (r.ok) {
      setReport(r.data);
      if (!dryRun) await props.onImported();
    } else if (r.status === 422) setReport(r.body as Report);
    else setError(r.message);
  };

  return (
    <section class="ed-card ed-import" aria-labelledby="ed-import-title">
      <h2 id="ed-import-title">{t.importTitle}</h2>
      <p class="ed-hint">{t.importHint}</p>
      <label class="ed-field">
        <span>{t.chooseFile}</span>
        <input
          type="file"
          accept=".xlsx,.xlsm,.csv,.tsv,.txt,.tab,.json"
          data-testid="import-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0] ?? null;
            setFile(f);
            setReport(null);
            if (f) void send(f, true);
          }}
        />
      </label>
      {busy ? (
        <p class="ed-status" role="status">
          {busy === 'checking' ? t.checking : t.applying}
        </p>
      ) : null}
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <div class="ed-report" data-testid="import-report" aria-live="polite">
          {report.errors.length > 0 ? (
            <>
              <p class="ed-error">{t.fileErrors(report.errors.length)}</p>
              <Problems items={report.errors} kind="error" />
            </>
          ) : (
            <>
              <p>
                <strong>{report.dryRun ? t.wouldChange : t.changedNow}</strong>{' '}
                <span data-testid="import-summary">{t.summary(report)}</span>
              </p>
              {report.changes.length > 0 ? (
                <ul class="ed-changes">
                  {report.changes.slice(0, 50).map((c) => (
                    <li key={c.id}>{t.changedFields(c.id, c.fields)}</li>
                  ))}
                </ul>
              ) : null}
              {report.dryRun && report.removed > 0 ? (
                <p class="ed-warning">{t.removedRecords(report.removed)}</p>
              ) : null}
              {report.dryRun && file ? (
                <button
                  type="button"
                  class="ed-button ed-primary"
                  disabled={busy !== ''}
                  onClick={() => send(file, false)}
                  data-testid="import-apply"
                >
                  {t.apply}
                </button>
              ) : null}
            </>
          )}
          {report.warnings.length > 0 ? (
            <details>
              <summary>{t.fileWarnings(report.warnings.length)}</summary>
              <Problems items={report.warnings} kind="warning" />
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
