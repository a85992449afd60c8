import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { countryName } from '../core/countries/index.ts';
import type { DatasetDocument } from '../core/schemas.ts';
import { api } from './api.ts';
import { formatTime, t } from './text.ts';

// Readers' corrections: open ones first by default, each closed as done or dismissed with a note. Everything a
// reader wrote is shown as text (Preact escapes it); the e-mail address is only ever shown here, to editors.

type Status = 'open' | 'done' | 'dismissed';
type Suggestion = {
  id: string;
  text: string;
  country: string | null;
  agreementId: string | null;
  email: string | null;
  status: Status;
  note: string;
  createdAt: string;
};

const STATUSES: readonly Status[] = ['open', 'done', 'dismissed'];

function SuggestionItem(props: {
  s: Suggestion;
  hasRecord: boolean;
  onOpenRecord: (id: string) => void;
  onChanged: () => Promise<void>;
}): JSX.Element {
  const { s } = props;
  const [note, setNote] = useState(s.note);
  const [message, setMessage] = useState('');
  const set = async (status: Status): Promise<void> => {
    const r = await api('PATCH', `/api/v1/suggestions/${encodeURIComponent(s.id)}`, {
      body: { status, note },
    });
    if (r.ok) await props.onChanged();
    else setMessage(r.message);
  };
  return (
    <li class="ed-card ed-suggestion" data-testid="suggestion" data-status={s.status}>
      <p class="ed-hint">
        {formatTime(s.createdAt)}
        {s.country ? ` · ${countryName(s.country)}` : ''}
        {s.email ? ` · ${s.email}` : ''}
      </p>
      <p class="ed-suggestion-text" data-testid="suggestion-text">
        {s.text}
      </p>
      {s.agreementId && props.hasRecord ? (
        <button
          type="button"
          class="ed-link"
          onClick={() => props.onOpenRecord(s.agreementId!)}
          data-testid="suggestion-record"
        >
          {t.suggestionsView.openRecord}
        </button>
      ) : null}
      <label class="ed-field">
        <span>{t.suggestionsView.note}</span>
        <input value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="suggestion-note" />
      </label>
      <div class="ed-actions">
        {STATUSES.filter((x) => x !== s.status).map((x) => (
          <button
            key={x}
            type="button"
            class="ed-button"
            onClick={() => void set(x)}
            data-testid={`suggestion-${x}`}
          >
            {t.suggestionsView.mark[x]}
          </button>
        ))}
      </div>
      {message ? (
        <p class="ed-error" role="alert">
          {message}
        </p>
      ) : null}
    </li>
  );
}

export function SuggestionsView(props: {
  doc: DatasetDocument;
  onOpenRecord: (id: string) => void;
}): JSX.Element {
  const { doc } = props;
  const [status, setStatus] = useState<Status>('open');
  const [list, setList] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async (): Promise<void> => {
    const r = await api<{ suggestions: Suggestion[] }>(
      'GET',
      `/api/v1/datasets/${encodeURIComponent(doc.dataset.id)}/suggestions`,
      { query: { status } },
    );
    if (r.ok) setList(r.data.suggestions);
    else setError(r.message);
  }, [doc.dataset.id, status]);
  useEffect(() => {
    void load();
  }, [load]);
  const ids = new Set(doc.agreements.map((a) => a.id as string));

  return (
    <section class="ed-card" aria-labelledby="ed-suggestions-title" data-testid="suggestions">
      <div class="ed-toolbar">
        <h2 id="ed-suggestions-title">{t.tabs.suggestions}</h2>
        <fieldset class="ed-inline">
          <legend class="ed-hint">{t.suggestionsView.show}</legend>
          {STATUSES.map((x) => (
            <label key={x} class="ed-inline">
              <input
                type="radio"
                name="suggestion-status"
                checked={status === x}
                onChange={() => setStatus(x)}
                data-testid={`suggestions-filter-${x}`}
              />
              {t.suggestionsView.status[x]}
            </label>
          ))}
        </fieldset>
      </div>
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
      {list === null ? null : list.length === 0 ? (
        <p class="ed-hint" data-testid="suggestions-empty">
          {t.suggestionsView.none(t.suggestionsView.status[status] ?? status)}
        </p>
      ) : (
        <ul class="ed-suggestions">
          {list.map((s) => (
            <SuggestionItem
              key={`${s.id}:${s.status}`}
              s={s}
              hasRecord={s.agreementId !== null && ids.has(s.agreementId)}
              onOpenRecord={props.onOpenRecord}
              onChanged={load}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
