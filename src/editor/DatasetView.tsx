import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { BOUNDARY_VIEWS, boundariesOf } from '../core/boundaries.ts';
import type { Dataset } from '../core/schemas.ts';
import { api, type FieldProblem } from './api.ts';
import { t } from './text.ts';

// What readers see of the dataset (administrators): title, description, citation, the original publication's
// address, "data as of", the map's boundaries, and each category's label, short label, description and colour. The public map shows a change at once.

type CategoryDraft = { id: string; label: string; shortLabel: string; description: string; color: string };
type Draft = {
  title: string;
  description: string;
  citation: string;
  sourceUrl: string;
  dataAsOf: string;
  boundaries: string;
  categories: CategoryDraft[];
};

const draftOf = (d: Dataset): Draft => ({
  title: d.title,
  description: d.description,
  citation: d.citation,
  sourceUrl: d.sourceUrl ?? '',
  dataAsOf: d.dataAsOf ?? '',
  boundaries: boundariesOf(d),
  categories: d.categories.map((c) => ({
    id: c.id,
    label: c.label,
    shortLabel: c.shortLabel,
    description: c.description,
    color: c.color,
  })),
});

export function DatasetView(props: { dataset: Dataset; onChanged: () => Promise<void> }): JSX.Element {
  const [draft, setDraft] = useState(() => draftOf(props.dataset));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const setCategory = (i: number, change: Partial<CategoryDraft>): void =>
    setDraft((d) => ({ ...d, categories: d.categories.map((c, k) => (k === i ? { ...c, ...change } : c)) }));

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setProblems([]);
    setMessage('');
    const r = await api('PATCH', `/api/v1/datasets/${encodeURIComponent(props.dataset.id)}`, {
      body: {
        ...draft,
        sourceUrl: draft.sourceUrl.trim() === '' ? null : draft.sourceUrl.trim(),
        dataAsOf: draft.dataAsOf.trim() === '' ? null : draft.dataAsOf.trim(),
      },
    });
    setBusy(false);
    if (!r.ok) return setProblems(r.details.length > 0 ? r.details : [{ field: null, message: r.message }]);
    setMessage(t.saved);
    await props.onChanged();
  };

  const field = (k: 'title' | 'citation' | 'sourceUrl' | 'dataAsOf', label: string): JSX.Element => (
    <label class="ed-field">
      <span>{label}</span>
      <input
        value={draft[k]}
        onInput={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })}
        data-testid={`dataset-${k}`}
      />
    </label>
  );

  return (
    <section class="ed-card ed-import" aria-labelledby="ed-dataset-title" data-testid="dataset-settings">
      <h2 id="ed-dataset-title">{t.datasetTitle}</h2>
      <p class="ed-hint">{t.datasetHint}</p>
      <form onSubmit={save}>
        {field('title', t.datasetFields.title)}
        <label class="ed-field">
          <span>{t.datasetFields.description}</span>
          <textarea
            rows={3}
            value={draft.description}
            onInput={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          />
        </label>
        {field('citation', t.datasetFields.citation)}
        {field('sourceUrl', t.datasetFields.sourceUrl)}
        {field('dataAsOf', t.datasetFields.dataAsOf)}
        <label class="ed-field">
          <span>{t.datasetFields.boundaries}</span>
          <select
            value={draft.boundaries}
            onChange={(e) => setDraft({ ...draft, boundaries: e.currentTarget.value })}
            data-testid="dataset-boundaries"
          >
            {BOUNDARY_VIEWS.map((v) => (
              <option key={v} value={v}>
                {t.datasetFields.boundaryViews[v] ?? v}
              </option>
            ))}
          </select>
        </label>
        {draft.categories.map((c, i) => (
          <fieldset key={c.id} class="ed-category">
            <legend>{t.datasetFields.category(c.id)}</legend>
            <label class="ed-field">
              <span>{t.datasetFields.label}</span>
              <input value={c.label} onInput={(e) => setCategory(i, { label: e.currentTarget.value })} />
            </label>
            <label class="ed-field">
              <span>{t.datasetFields.shortLabel}</span>
              <input
                value={c.shortLabel}
                onInput={(e) => setCategory(i, { shortLabel: e.currentTarget.value })}
              />
            </label>
            <label class="ed-field">
              <span>{t.datasetFields.description}</span>
              <textarea
                rows={2}
                value={c.description}
                onInput={(e) => setCategory(i, { description: e.currentTarget.value })}
              />
            </label>
            <label class="ed-field ed-color">
              <span>{t.datasetFields.color}</span>
              <input
                type="color"
                value={c.color}
                onInput={(e) => setCategory(i, { color: e.currentTarget.value })}
                data-testid={`color-${c.id}`}
              />
            </label>
          </fieldset>
        ))}
        {problems.length > 0 ? (
          <ul class="ed-problems ed-error" role="alert" data-testid="dataset-problems">
            {problems.map((p) => (
              <li key={`${p.field}${p.message}`}>
                {p.field ? <strong>{p.field}: </strong> : null}
                {p.message}
              </li>
            ))}
          </ul>
        ) : null}
        {message ? (
          <p class="ed-ok" role="status" data-testid="dataset-notice">
            {message}
          </p>
        ) : null}
        <button type="submit" class="ed-button ed-primary" disabled={busy} data-testid="dataset-save">
          {busy ? t.saving : t.save}
        </button>
      </form>
    </section>
  );
}
