import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { countryName } from '../core/countries/index.ts';
import { formatPartialIso } from '../core/partialDate.ts';
import type { Agreement, Dataset, Source } from '../core/schemas.ts';
import { EditForm, ReasonField, type Saved, useSaving } from './EditForm.tsx';
import { History } from './History.tsx';
import { type DraftValue, MergeView, useSavedBy } from './MergeView.tsx';
import { formatTime, t } from './text.ts';

// One record's form. Fields are edited as text (partners by name, a date as written, one source per line) and
// only the fields that changed are sent, with the version the form was opened on: a change made meanwhile by
// someone else is never overwritten; the merge view shows it beside the draft and saves what the researcher
// chooses on top of their version.

type Draft = {
  category: string;
  partners: string;
  date: string;
  title: string;
  summary: string;
  sources: string;
  nonGovernmental: boolean;
  multilateral: boolean;
  mentionsOnly: boolean;
  status: string;
};

function draftOf(a: Agreement | null, dataset: Dataset): Draft {
  return {
    category: a?.category ?? dataset.categories[0]?.id ?? '',
    partners: a ? a.partners.map(countryName).join(', ') : '',
    date: a ? a.date.text || (a.date.year === null ? '' : formatPartialIso(a.date)) : '',
    title: a?.title ?? '',
    summary: a?.summary ?? '',
    sources: a ? a.sources.map((s) => s.url).join('\n') : '',
    nonGovernmental: a?.flags.nonGovernmental ?? false,
    multilateral: a?.flags.multilateral ?? false,
    mentionsOnly: a?.flags.mentionsOnly ?? false,
    status: a?.status ?? 'unknown',
  };
}

/** The request body: every field for a new record, the changed ones for an edit. */
function bodyOf(draft: Draft, initial: Draft, a: Agreement | null): Record<string, unknown> {
  const changed = (k: keyof Draft): boolean => a === null || draft[k] !== initial[k];
  const body: Record<string, unknown> = {};
  if (changed('category')) body.category = draft.category;
  if (changed('partners'))
    body.partners = draft.partners
      .split(/[,;\n]/)
      .map((p) => p.trim())
      .filter(Boolean);
  if (changed('date')) body.date = draft.date.trim() === '' ? null : draft.date.trim();
  if (changed('title')) body.title = draft.title;
  if (changed('summary')) body.summary = draft.summary;
  if (changed('sources')) {
    const known = new Map((a?.sources ?? []).map((s): [string, Source] => [s.url, s]));
    body.sources = draft.sources
      .split('\n')
      .map((u) => u.trim())
      .filter(Boolean)
      .map((u) => {
        const s = known.get(u);
        return s ? { url: s.url, title: s.title, archivedUrl: s.archivedUrl } : u;
      });
  }
  if (changed('nonGovernmental') || changed('multilateral') || changed('mentionsOnly'))
    body.flags = {
      nonGovernmental: draft.nonGovernmental,
      multilateral: draft.multilateral,
      mentionsOnly: draft.mentionsOnly,
    };
  if (changed('status')) body.status = draft.status;
  return body;
}

const FIELD_OF: Record<string, keyof typeof t.fields> = {
  category: 'category',
  partners: 'partners',
  date: 'date',
  title: 'title',
  summary: 'summary',
  sources: 'sources',
  flags: 'nonGovernmental',
  status: 'status',
};

const fieldLabel = (field: string | null): string => {
  const key = FIELD_OF[(field ?? '').split('.')[0] ?? ''];
  return key ? String(t.fields[key]) : (field ?? '');
};

/** A draft's value as the merge view shows it: category and status by their names, a flag as yes or no. */
function showDraftValue(key: string, value: DraftValue, dataset: Dataset): string {
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (value.trim() === '') return t.empty;
  if (key === 'category') return dataset.categories.find((c) => c.id === value)?.label ?? value;
  if (key === 'status') return t.statuses[value] ?? value;
  return value;
}

const agreementUrl = (a: Agreement): string => `/api/v1/agreements/${encodeURIComponent(a.id)}`;

export function RecordForm(props: {
  dataset: Dataset;
  agreement: Agreement | null;
  notice: string;
  onClose: () => void;
  onSaved: Saved;
}): JSX.Element {
  const { dataset } = props;
  // What the draft is compared with and saved against: the record as opened, or their version after a merge.
  const [base, setBase] = useState(() => ({
    record: props.agreement,
    initial: draftOf(props.agreement, dataset),
  }));
  const a = base.record;
  const [draft, setDraft] = useState(base.initial);
  const [reason, setReason] = useState('');
  const set = <K extends keyof Draft>(k: K, v: Draft[K]): void => setDraft((d) => ({ ...d, [k]: v }));
  const { outcome, save: send, remove: drop, dismissConflict } = useSaving(props.onSaved);
  const theirs = a === null ? null : (outcome.theirs as Agreement | null);
  const savedBy = useSavedBy(theirs === null ? null : agreementUrl(theirs), theirs?.version ?? null);

  const save = (e: Event): Promise<void> => {
    e.preventDefault();
    const body = bodyOf(draft, base.initial, a);
    return a === null
      ? send(`/api/v1/datasets/${encodeURIComponent(dataset.id)}/agreements`, body, null, t.created, reason)
      : send(agreementUrl(a), body, a.version, t.saved, reason);
  };

  /** Saves the merged draft on top of their version (If-Match: theirs), and keeps it in the form meanwhile. */
  const merge = (record: Agreement, merged: Draft): Promise<void> => {
    const initial = draftOf(record, dataset);
    setBase({ record, initial });
    setDraft(merged);
    const body = bodyOf(merged, initial, record);
    // Keeping theirs everywhere leaves nothing to send: show their version instead of saving it again.
    if (Object.keys(body).length === 0) return props.onSaved(record.id, t.mergedNothing);
    return send(agreementUrl(record), body, record.version, t.saved, reason);
  };

  const text = (k: 'partners' | 'date' | 'title', hint?: string): JSX.Element => (
    <label class="ed-field">
      <span>{t.fields[k]}</span>
      <input value={draft[k]} onInput={(e) => set(k, e.currentTarget.value)} data-testid={`field-${k}`} />
      {hint ? <small class="ed-hint">{hint}</small> : null}
    </label>
  );

  return (
    <EditForm
      id="ed-form-title"
      testId="record-form"
      prefix="form"
      title={a === null ? t.create : t.edit(a.partners.map(countryName).join(', '))}
      notice={props.notice}
      outcome={outcome}
      labelOf={fieldLabel}
      onClose={props.onClose}
    >
      {theirs !== null ? (
        <MergeView
          loaded={base.initial}
          yours={draft}
          theirs={draftOf(theirs, dataset)}
          when={formatTime(theirs.updatedAt)}
          who={savedBy}
          labelOf={(k) => String(t.fields[k as keyof Draft])}
          show={(k, v) => showDraftValue(k, v, dataset)}
          onMerge={(merged) => merge(theirs, merged)}
          onCancel={dismissConflict}
        />
      ) : (
        <form onSubmit={save}>
          <label class="ed-field">
            <span>{t.fields.category}</span>
            <select
              value={draft.category}
              onChange={(e) => set('category', e.currentTarget.value)}
              data-testid="field-category"
            >
              {dataset.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          {text('partners', t.fields.partnersHint)}
          {text('date', t.fields.dateHint)}
          {text('title')}
          <label class="ed-field">
            <span>{t.fields.summary}</span>
            <textarea
              rows={4}
              value={draft.summary}
              onInput={(e) => set('summary', e.currentTarget.value)}
              data-testid="field-summary"
            />
          </label>
          <label class="ed-field">
            <span>{t.fields.sources}</span>
            <textarea
              rows={3}
              value={draft.sources}
              onInput={(e) => set('sources', e.currentTarget.value)}
              data-testid="field-sources"
            />
            <small class="ed-hint">{t.fields.sourcesHint}</small>
          </label>
          <fieldset class="ed-flags">
            {(['nonGovernmental', 'multilateral', 'mentionsOnly'] as const).map((k) => (
              <label key={k} class="ed-check">
                <input type="checkbox" checked={draft[k]} onChange={(e) => set(k, e.currentTarget.checked)} />
                <span>{t.fields[k]}</span>
              </label>
            ))}
          </fieldset>
          <label class="ed-field">
            <span>{t.fields.status}</span>
            <select value={draft.status} onChange={(e) => set('status', e.currentTarget.value)}>
              {Object.entries(t.statuses).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <ReasonField value={reason} onInput={setReason} />
          <div class="ed-actions">
            <button type="submit" class="ed-button ed-primary" disabled={outcome.busy} data-testid="save">
              {outcome.busy ? t.saving : t.save}
            </button>
            {a !== null ? (
              <button
                type="button"
                class="ed-button ed-danger"
                onClick={() => drop(agreementUrl(a), a.version, reason)}
                data-testid="delete"
              >
                {t.deleteRecord}
              </button>
            ) : null}
          </div>
        </form>
      )}
      {a !== null ? (
        <History
          path={agreementUrl(a)}
          version={a.version}
          categories={dataset.categories}
          onReverted={(id) => props.onSaved(id, t.undone)}
        />
      ) : null}
    </EditForm>
  );
}
