import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { countryName } from '../core/countries/index.ts';
import type { DatasetDocument, Source } from '../core/schemas.ts';
import { isBrokenSource } from '../core/sourceHealth.ts';
import { api } from './api.ts';
import { formatTime, t } from './text.ts';

// Every source of the dataset, broken ones first, with what the last link check found. A researcher enters or
// fixes an archived copy here (saved like any edit, with If-Match), and can start a check on the server.

type Row = {
  key: string;
  kind: 'agreement' | 'note';
  id: string;
  version: number;
  country: string;
  category: string;
  index: number;
  sources: Source[];
  source: Source;
};

type CheckState = {
  running: boolean;
  done: number;
  total: number;
  finishedAt: string | null;
  summary: { checked: number; ok: number; broken: number; blocked: number; archived: number } | null;
  error: string | null;
};

function rowsOf(doc: DatasetDocument): Row[] {
  const label = new Map(doc.dataset.categories.map((c) => [c.id as string, c.label]));
  const rows: Row[] = [];
  for (const a of doc.agreements) {
    const country = a.partners
      .filter((p) => p !== doc.dataset.focalCountry)
      .map(countryName)
      .join(', ');
    a.sources.forEach((s, index) => {
      rows.push({
        key: `a:${a.id}:${index}`,
        kind: 'agreement',
        id: a.id,
        version: a.version,
        country,
        category: label.get(a.category) ?? a.category,
        index,
        sources: a.sources,
        source: s,
      });
    });
  }
  for (const n of doc.notes) {
    n.sources.forEach((s, index) => {
      rows.push({
        key: `n:${n.id}:${index}`,
        kind: 'note',
        id: n.id,
        version: n.version,
        country: countryName(n.country),
        category: t.sourcesView.note,
        index,
        sources: n.sources,
        source: s,
      });
    });
  }
  const rank = (r: Row): number => (isBrokenSource(r.source) ? 0 : r.source.lastChecked === null ? 1 : 2);
  return rows.sort((x, y) => rank(x) - rank(y) || x.country.localeCompare(y.country));
}

function statusText(s: Source): string {
  if (s.lastChecked === null) return t.sourcesView.unchecked;
  if (s.httpStatus === 0 || s.httpStatus === null) return t.sourcesView.noAnswer;
  return String(s.httpStatus);
}

function ArchivedCell(props: { row: Row; onSaved: () => Promise<void> }): JSX.Element {
  const { row } = props;
  const [value, setValue] = useState(row.source.archivedUrl ?? '');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const sources = row.sources.map((s, i) =>
      i === row.index ? { ...s, archivedUrl: value.trim() === '' ? null : value.trim() } : s,
    );
    const path = `/api/v1/${row.kind === 'agreement' ? 'agreements' : 'notes'}/${encodeURIComponent(row.id)}`;
    const r = await api('PATCH', path, { body: { sources }, ifMatch: row.version });
    setBusy(false);
    if (r.ok) {
      setMessage(t.saved);
      await props.onSaved();
    } else if (r.status === 409) {
      // Someone changed the record since the list was read: read it again, keep what was typed here.
      setMessage(t.sourcesView.staleSource);
      await props.onSaved();
    } else setMessage(r.details[0]?.message ?? r.message);
  };
  return (
    <form class="ed-inline" onSubmit={(e) => void save(e)}>
      <input
        type="url"
        value={value}
        aria-label={t.sourcesView.archivedFor(row.source.url)}
        placeholder="https://web.archive.org/web/…"
        onInput={(e) => setValue(e.currentTarget.value)}
        data-testid="archived-input"
      />
      <button type="submit" class="ed-button" disabled={busy} data-testid="archived-save">
        {busy ? t.saving : t.save}
      </button>
      {message ? (
        <span class="ed-hint" role="status">
          {message}
        </span>
      ) : null}
    </form>
  );
}

export function SourcesView(props: { doc: DatasetDocument; onChanged: () => Promise<void> }): JSX.Element {
  const { doc } = props;
  const rows = useMemo(() => rowsOf(doc), [doc]);
  const [check, setCheck] = useState<CheckState | null>(null);
  const [error, setError] = useState('');
  const url = `/api/v1/datasets/${encodeURIComponent(doc.dataset.id)}/links/check`;
  const broken = rows.filter((r) => isBrokenSource(r.source)).length;

  useEffect(() => {
    void api<CheckState>('GET', url).then((r) => r.ok && setCheck(r.data));
  }, [url]);

  // While a check runs, ask how far it is; reload the records once it is done.
  useEffect(() => {
    if (!check?.running) return;
    const timer = window.setTimeout(async () => {
      const r = await api<CheckState>('GET', url);
      if (!r.ok) return setError(r.message);
      setCheck(r.data);
      if (!r.data.running) await props.onChanged();
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [check, url, props.onChanged]);

  const start = async (): Promise<void> => {
    setError('');
    const r = await api<CheckState>('POST', url);
    if (r.ok) setCheck(r.data);
    else setError(r.message);
  };

  return (
    <section class="ed-card" aria-labelledby="ed-sources-title" data-testid="sources">
      <div class="ed-toolbar">
        <h2 id="ed-sources-title" class="ed-count" data-testid="sources-count">
          {t.sourcesView.count(rows.length, broken)}
        </h2>
        <button
          type="button"
          class="ed-button ed-primary"
          disabled={check?.running === true}
          onClick={() => void start()}
          data-testid="links-check"
        >
          {check?.running ? t.sourcesView.checking(check.done, check.total) : t.sourcesView.check}
        </button>
      </div>
      <p class="ed-hint">{t.sourcesView.hint}</p>
      {check && !check.running && check.summary ? (
        <p class="ed-hint" role="status" data-testid="links-result">
          {t.sourcesView.result(check.summary, check.finishedAt ? formatTime(check.finishedAt) : '')}
        </p>
      ) : null}
      {error || check?.error ? (
        <p class="ed-error" role="alert">
          {error || check?.error}
        </p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section class="ed-table-wrap" tabIndex={0} aria-labelledby="ed-sources-title">
        <table class="ed-table">
          <thead>
            <tr>
              <th scope="col">{t.sourcesView.country}</th>
              <th scope="col">{t.sourcesView.category}</th>
              <th scope="col">{t.sourcesView.url}</th>
              <th scope="col">{t.sourcesView.status}</th>
              <th scope="col">{t.sourcesView.checked}</th>
              <th scope="col">{t.sourcesView.archived}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 1000).map((r) => (
              <tr
                key={r.key}
                data-testid="source-row"
                data-broken={isBrokenSource(r.source) ? 'true' : 'false'}
              >
                <th scope="row">{r.country}</th>
                <td>{r.category}</td>
                <td class="ed-url">
                  <a href={r.source.url} target="_blank" rel="noopener noreferrer">
                    {r.source.url}
                  </a>
                </td>
                <td data-testid="source-status">{statusText(r.source)}</td>
                <td>{r.source.lastChecked ? formatTime(r.source.lastChecked) : '—'}</td>
                <td>
                  <ArchivedCell key={`${r.key}:${r.version}`} row={r} onSaved={props.onChanged} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
