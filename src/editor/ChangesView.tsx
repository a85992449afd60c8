import type { JSX } from 'preact';
import { countryName } from '../core/countries/index.ts';
import { revisionDiff } from '../core/revisionDiff.ts';
import type { DatasetDocument, Revision } from '../core/schemas.ts';
import { fieldName } from './fieldValue.ts';
import { useRevisions } from './History.tsx';
import { formatTime, t } from './text.ts';

// The dataset's recent changes, newest first: who changed which record or note, when and why. Each record's
// own history (with undo) is in its form.

type Snapshot = { partners?: string[]; country?: string; category?: string; title?: string };

function what(r: Revision, doc: DatasetDocument): string {
  const snap = (r.after ?? r.before ?? {}) as Snapshot;
  if (r.entity === 'dataset') return t.changeDataset;
  const label = new Map(doc.dataset.categories.map((c) => [c.id as string, c.label]));
  if (r.entity === 'note') return t.changeNote(snap.country ? countryName(snap.country) : r.entityId);
  const partners = (snap.partners ?? []).map(countryName).join(', ') || r.entityId;
  return `${partners} · ${label.get(snap.category ?? '') ?? snap.category ?? ''}`;
}

/** Which fields a change touched, named as the form names them (the record's history shows before → after). */
const changedFields = (r: Revision): string =>
  revisionDiff(r)
    .map((d) => fieldName(d.field).toLowerCase())
    .join(', ');

export function ChangesView(props: { doc: DatasetDocument }): JSX.Element {
  const url = `/api/v1/datasets/${encodeURIComponent(props.doc.dataset.id)}/revisions?limit=200`;
  const { revisions, error } = useRevisions(url, props.doc);

  return (
    <section class="ed-card" aria-labelledby="ed-changes-title" data-testid="changes">
      <h2 id="ed-changes-title">{t.changesTitle}</h2>
      {error ? (
        <p class="ed-error" role="alert">
          {error}
        </p>
      ) : null}
      {revisions === null ? null : revisions.length === 0 ? (
        <p class="ed-hint">{t.noHistory}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section class="ed-table-wrap" tabIndex={0} aria-labelledby="ed-changes-title">
          <table class="ed-table">
            <thead>
              <tr>
                <th scope="col">{t.changeWhen}</th>
                <th scope="col">{t.changeWho}</th>
                <th scope="col">{t.changeWhat}</th>
                <th scope="col">{t.changeWhy}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.id}>
                  <td>{formatTime(r.at)}</td>
                  <td>{r.actor}</td>
                  <th scope="row">
                    {t.actions[r.action] ?? r.action}: {what(r, props.doc)}
                    {r.action === 'update' || r.action === 'revert' ? (
                      <span class="ed-hint"> ({changedFields(r)})</span>
                    ) : null}
                  </th>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
