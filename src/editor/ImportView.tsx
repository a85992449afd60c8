import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { categoryNamer, fieldValueText, partnerNames } from '../core/changeText.ts';
import type { Category } from '../core/schemas.ts';
import { api } from './api.ts';
import { t } from './text.ts';

// Import a spreadsheet: the file is read at once as a dry run, the editor shows what would change, record by
// record in the researcher's words (country names, category labels, before → after), and any error with its line
// and column. "Import it" sends the preview's basis: if the dataset changed since, the server refuses (409) and
// answers with the new preview, which is shown with the reason.

type Problem = { line: number | null; column: string | null; message: string };
type Report = {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  notes: { added: number; changed: number; removed: number };
  dryRun: boolean;
  warnings: Problem[];
  errors: Problem[];
  changes: Array<{
    id: string;
    fields: string[];
    category: string;
    partners: string[];
    diff: Array<{ field: string; before: unknown; after: unknown }>;
  }>;
  addedRecords: Array<{ category: string; partners: string[]; date: string; line: number | null }>;
  removedRecords: Array<{ id: string; category: string; partners: string[]; date: string }>;
  basis?: string;
  basisChanged?: boolean;
};

const MAX_ROWS = 300;

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

type Row = {
  kind: 'added' | 'changed' | 'removed';
  country: string;
  category: string;
  field: string;
  before: string;
  after: string;
};

function fieldLabel(field: string): string {
  return (t.fields as Record<string, string>)[field] ?? field;
}

/** The report as table rows: one per changed field, one per added or removed record. */
function previewRows(report: Report, category: (id: string) => string): Row[] {
  const rows: Row[] = [];
  for (const c of report.changes) {
    for (const d of c.diff) {
      rows.push({
        kind: 'changed',
        country: partnerNames(c.partners),
        category: category(c.category),
        field: fieldLabel(d.field),
        before: fieldValueText(d.field, d.before, category),
        after: fieldValueText(d.field, d.after, category),
      });
    }
  }
  for (const a of report.addedRecords) {
    rows.push({
      kind: 'added',
      country: partnerNames(a.partners),
      category: category(a.category),
      field: t.previewRecord,
      before: '—',
      after: t.previewLine(a.date || t.undated, a.line),
    });
  }
  for (const r of report.removedRecords) {
    rows.push({
      kind: 'removed',
      country: partnerNames(r.partners),
      category: category(r.category),
      field: t.previewRecord,
      before: r.date || t.undated,
      after: '—',
    });
  }
  return rows;
}

function PreviewTable(props: { report: Report; categories: readonly Category[] }): JSX.Element | null {
  const rows = previewRows(props.report, categoryNamer(props.categories));
  if (rows.length === 0) return null;
  const c = t.previewColumns;
  return (
    <div class="ed-table-wrap ed-preview">
      <table class="ed-table" data-testid="import-preview">
        <caption class="ed-hint">{t.previewCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.change}</th>
            <th scope="col">{c.country}</th>
            <th scope="col">{c.category}</th>
            <th scope="col">{c.field}</th>
            <th scope="col">{c.before}</th>
            <th scope="col">{c.after}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((r, i) => (
            <tr key={i} data-kind={r.kind}>
              <td>{t.previewKinds[r.kind]}</td>
              <th scope="row">{r.country}</th>
              <td>{r.category}</td>
              <td>{r.field}</td>
              <td>{r.before}</td>
              <td>{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS ? <p class="ed-hint">{t.previewMore(rows.length - MAX_ROWS)}</p> : null}
    </div>
  );
}

export function ImportView(props: {
  datasetId: string;
  categories?: readonly Category[];
  onImported: () => Promise<void>;
}): JSX.Element {
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'' | 'checking' | 'applying'>('');
  const [error, setError] = useState('');
  const url = `/api/v1/datasets/${encodeURIComponent(props.datasetId)}/import`;

  const send = async (f: File, dryRun: boolean): Promise<void> => {
    const form = new FormData();
    form.append('file', f, f.name);
    if (!dryRun) {
      // The plan the researcher approved, and why: applied only if the dataset is still as the preview saw it.
      if (report?.basis) form.append('basis', report.basis);
      if (reason.trim() !== '') form.append('reason', reason.trim());
    }
    setBusy(dryRun ? 'checking' : 'applying');
    setError('');
    const r = await api<Report>('POST', url, { form, query: dryRun ? { dryRun: 'true' } : undefined });
    setBusy('');
    if (r.ok) {
      setReport(r.data);
      if (!dryRun) await props.onImported();
    } else if (r.status === 422 || (r.status === 409 && (r.body as Report | null)?.basisChanged))
      setReport(r.body as Report);
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
          {report.basisChanged ? (
            <p class="ed-warning" role="alert" data-testid="import-stale">
              {t.importStale}
            </p>
          ) : null}
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
              <PreviewTable report={report} categories={props.categories ?? []} />
              {report.notes.added + report.notes.changed + report.notes.removed > 0 ? (
                <p class="ed-hint">{t.notesChanged(report.notes)}</p>
              ) : null}
              {report.dryRun && report.removed > 0 ? (
                <p class="ed-warning">{t.removedRecords(report.removed)}</p>
              ) : null}
              {report.dryRun && file ? (
                <>
                  <label class="ed-field">
                    <span>{t.importReason}</span>
                    <input
                      type="text"
                      maxLength={500}
                      value={reason}
                      placeholder={t.importReasonHint}
                      data-testid="import-reason"
                      onInput={(e) => setReason(e.currentTarget.value)}
                    />
                  </label>
                  <button
                    type="button"
                    class="ed-button ed-primary"
                    disabled={busy !== ''}
                    onClick={() => send(file, false)}
                    data-testid="import-apply"
                  >
                    {t.apply}
                  </button>
                </>
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
