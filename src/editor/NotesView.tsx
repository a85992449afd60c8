import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { countryName } from '../core/countries/index.ts';
import type { CountryNote, DatasetDocument } from '../core/schemas.ts';
import { api, type FieldProblem } from './api.ts';
import { History } from './History.tsx';
import { t } from './text.ts';

// A dataset's research notes on countries (what was looked for and not found, caveats): listed by country,
// edited like records.

type Draft = { country: string; text: string; sources: string };

function NoteForm(props: {
  datasetId: string;
  note: CountryNote | null;
  notice: string;
  onClose: () => void;
  onSaved: (id: string | null, notice: string) => Promise<void>;
}): JSX.Element {
  const n = props.note;
  const [initial] = useState<Draft>(() => ({
    country: n ? countryName(n.country) : '',
    text: n?.text ?? '',
    sources: n ? n.sources.map((s) => s.url).join('\n') : '',
  }));
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState('');
  const [stale, setStale] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    setProblems([]);
    setError('');
    const body: Record<string, unknown> = {};
    if (n === null || draft.country !== initial.country) body.country = draft.country.trim();
    if (n === null || draft.text !== initial.text) body.text = draft.text;
    if (n === null || draft.sources !== initial.sources)
      body.sources = draft.sources
        .split('\n')
        .map((u) => u.trim())
        .filter(Boolean);
    const r =
      n === null
        ? await api<CountryNote>('POST', `/api/v1/datasets/${encodeURIComponent(props.datasetId)}/notes`, {
            body,
          })
        : await api<CountryNote>('PATCH', `/api/v1/notes/${encodeURIComponent(n.id)}`, {
            body,
            ifMatch: n.version,
          });
    if (r.ok) return props.onSaved(r.data.id, n === null ? t.created : t.saved);
    if (r.status === 409) setStale(true);
    else if (r.details.length > 0) setProblems(r.details);
    else setError(r.message);
  };

  const remove = async (): Promise<void> => {
    if (n === null || !confirm(t.confirmDelete)) return;
    const r = await api('DELETE', `/api/v1/notes/${encodeURIComponent(n.id)}`, { ifMatch: n.version });
    if (r.ok) await props.onSaved(null, t.deleted);
    else if (r.status === 409) setStale(true);
    else setError(r.message);
  };

  return (
    <section class="ed-form ed-card" aria-labelledby="ed-note-title" data-testid="note-form">
      <div class="ed-form-head">
        <h2 id="ed-note-title" tabIndex={-1} ref={heading}>
          {n === null ? t.newNote : t.edit(countryName(n.country))}
        </h2>
        <button type="button" class="ed-button" onClick={props.onClose}>
          {t.cancel}
        </button>
      </div>
      {props.notice ? (
        <p class="ed-ok" role="status" data-testid="note-notice">
          {props.notice}
        </p>
      ) : null}
      {stale ? (
        <div class="ed-error" role="alert">
          <p>{t.stale}</p>
          <button type="button" class="ed-button" onClick={() => props.onSaved(n?.id ?? null, '')}>
            {t.reload}
          </button>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div class="ed-error" role="alert" data-testid="note-problems">
          <p>{t.fixFields}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.field}${p.message}`}>
                <strong>{p.field?.startsWith('sources') ? t.fields.sources : t.noteCountry}</strong>:{' '}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
      <form onSubmit={save}>
        <label class="ed-field">
          <span>{t.noteCountry}</span>
          <input
            value={draft.country}
            onInput={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
            data-testid="note-country"
          />
        </label>
        <label class="ed-field">
          <span>{t.noteText}</span>
          <textarea
            rows={5}
            value={draft.text}
            onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
            data-testid="note-text"
          />
        </label>
        <label class="ed-field">
          <span>{t.fields.sources}</span>
          <textarea
            rows={3}
            value={draft.sources}
            onInput={(e) => setDraft({ ...draft, sources: e.currentTarget.value })}
          />
          <small class="ed-hint">{t.fields.sourcesHint}</small>
        </label>
        <div class="ed-actions">
          <button type="submit" class="ed-button ed-primary" data-testid="note-save">
            {t.save}
          </button>
          {n !== null ? (
            <button type="button" class="ed-button ed-danger" onClick={remove}>
              {t.deleteRecord}
            </button>
          ) : null}
        </div>
      </form>
      {n !== null ? (
        <History
          path={`/api/v1/notes/${encodeURIComponent(n.id)}`}
          version={n.version}
          onReverted={(id) => props.onSaved(id, t.undone)}
        />
      ) : null}
    </section>
  );
}

export function NotesView(props: { doc: DatasetDocument; onChanged: () => Promise<void> }): JSX.Element {
  const { doc } = props;
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const notes = useMemo(
    () => [...doc.notes].sort((a, b) => countryName(a.country).localeCompare(countryName(b.country))),
    [doc],
  );
  const current = open === null || open === 'new' ? null : (doc.notes.find((n) => n.id === open) ?? null);
  const choose = (id: string | 'new' | null): void => {
    setNotice('');
    setOpen(id);
  };

  return (
    <div class={`ed-records${open ? ' ed-with-form' : ''}`}>
      <section class="ed-list" aria-labelledby="ed-notes-title">
        <div class="ed-toolbar">
          <h2 id="ed-notes-title" class="ed-count">
            {t.noteCount(notes.length)}
          </h2>
          <p class="ed-hint ed-grow">{t.notesHint}</p>
          <button
            type="button"
            class="ed-button ed-primary"
            onClick={() => choose('new')}
            data-testid="new-note"
          >
            {t.newNote}
          </button>
        </div>
        <div class="ed-table-wrap">
          <table class="ed-table" data-testid="note-table">
            <thead>
              <tr>
                <th scope="col">{t.noteCountry}</th>
                <th scope="col">{t.noteText}</th>
              </tr>
            </thead>
            <tbody>
              {notes.map((n) => (
                <tr key={n.id} aria-selected={open === n.id ? 'true' : undefined}>
                  <th scope="row">
                    <button type="button" class="ed-link" onClick={() => choose(n.id)} data-note={n.id}>
                      {countryName(n.country)}
                    </button>
                  </th>
                  <td class="ed-summary">{n.text || t.noSummary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {open !== null ? (
        <NoteForm
          key={open === 'new' ? 'new' : `${open}:${current?.version ?? 'gone'}`}
          datasetId={doc.dataset.id}
          note={current}
          notice={notice}
          onClose={() => choose(null)}
          onSaved={async (id, message) => {
            await props.onChanged();
            setOpen(id);
            setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}
