import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { countryName } from '../core/countries/index.ts';
import type { CountryNote, DatasetDocument } from '../core/schemas.ts';
import { EditForm, ReasonField, type Saved, useOpenForm, useSaving } from './EditForm.tsx';
import { History } from './History.tsx';
import { MergeView, useSavedBy } from './MergeView.tsx';
import { formatTime, t } from './text.ts';

// A dataset's research notes on countries (what was looked for and not found, caveats): listed by country,
// edited like records.

type Draft = { country: string; text: string; sources: string };

const draftOf = (n: CountryNote | null): Draft => ({
  country: n ? countryName(n.country) : '',
  text: n?.text ?? '',
  sources: n ? n.sources.map((s) => s.url).join('\n') : '',
});

/** The request body: every field for a new note, the changed ones for an edit. */
function bodyOf(draft: Draft, initial: Draft, n: CountryNote | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (n === null || draft.country !== initial.country) body.country = draft.country.trim();
  if (n === null || draft.text !== initial.text) body.text = draft.text;
  if (n === null || draft.sources !== initial.sources)
    body.sources = draft.sources
      .split('\n')
      .map((u) => u.trim())
      .filter(Boolean);
  return body;
}

const NOTE_LABELS: Record<keyof Draft, string> = {
  country: t.noteCountry,
  text: t.noteText,
  sources: t.fields.sources,
};

const noteUrl = (n: CountryNote): string => `/api/v1/notes/${encodeURIComponent(n.id)}`;

function NoteForm(props: {
  datasetId: string;
  note: CountryNote | null;
  notice: string;
  onClose: () => void;
  onSaved: Saved;
}): JSX.Element {
  // What the draft is compared with and saved against: the note as opened, or their version after a merge.
  const [base, setBase] = useState(() => ({ note: props.note, initial: draftOf(props.note) }));
  const n = base.note;
  const [draft, setDraft] = useState(base.initial);
  const [reason, setReason] = useState('');
  const { outcome, save: send, remove: drop, dismissConflict } = useSaving(props.onSaved);
  const theirs = n === null ? null : (outcome.theirs as CountryNote | null);
  const savedBy = useSavedBy(theirs === null ? null : noteUrl(theirs), theirs?.version ?? null);

  const save = (e: Event): Promise<void> => {
    e.preventDefault();
    const body = bodyOf(draft, base.initial, n);
    return n === null
      ? send(`/api/v1/datasets/${encodeURIComponent(props.datasetId)}/notes`, body, null, t.created, reason)
      : send(noteUrl(n), body, n.version, t.saved, reason);
  };

  const merge = (note: CountryNote, merged: Draft): Promise<void> => {
    const initial = draftOf(note);
    setBase({ note, initial });
    setDraft(merged);
    const body = bodyOf(merged, initial, note);
    // Keeping theirs everywhere leaves nothing to send: show their version instead of saving it again.
    if (Object.keys(body).length === 0) return props.onSaved(note.id, t.mergedNothing);
    return send(noteUrl(note), body, note.version, t.saved, reason);
  };

  return (
    <EditForm
      id="ed-note-title"
      testId="note-form"
      prefix="note"
      title={n === null ? t.newNote : t.edit(countryName(n.country))}
      notice={props.notice}
      outcome={outcome}
      labelOf={(field) => (field?.startsWith('sources') ? t.fields.sources : t.noteCountry)}
      onClose={props.onClose}
    >
      {theirs !== null ? (
        <MergeView
          loaded={base.initial}
          yours={draft}
          theirs={draftOf(theirs)}
          when={formatTime(theirs.updatedAt)}
          who={savedBy}
          labelOf={(k) => NOTE_LABELS[k as keyof Draft]}
          show={(_k, v) => (String(v).trim() === '' ? t.empty : String(v))}
          onMerge={(merged) => merge(theirs, merged)}
          onCancel={dismissConflict}
        />
      ) : (
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
          <ReasonField value={reason} onInput={setReason} />
          <div class="ed-actions">
            <button
              type="submit"
              class="ed-button ed-primary"
              disabled={outcome.busy}
              data-testid="note-save"
            >
              {outcome.busy ? t.saving : t.save}
            </button>
            {n !== null ? (
              <button
                type="button"
                class="ed-button ed-danger"
                onClick={() => drop(noteUrl(n), n.version, reason)}
              >
                {t.deleteRecord}
              </button>
            ) : null}
          </div>
        </form>
      )}
      {n !== null ? (
        <History path={noteUrl(n)} version={n.version} onReverted={(id) => props.onSaved(id, t.undone)} />
      ) : null}
    </EditForm>
  );
}

export function NotesView(props: { doc: DatasetDocument; onChanged: () => Promise<void> }): JSX.Element {
  const { doc } = props;
  const { open, current, notice, choose, saved, formKey } = useOpenForm(doc.notes, props.onChanged);
  const notes = useMemo(
    () => [...doc.notes].sort((a, b) => countryName(a.country).localeCompare(countryName(b.country))),
    [doc],
  );

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
          key={formKey}
          datasetId={doc.dataset.id}
          note={current}
          notice={notice}
          onClose={() => choose(null)}
          onSaved={saved}
        />
      ) : null}
    </div>
  );
}
