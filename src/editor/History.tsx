import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Category, Revision } from '../core/schemas.ts';
import { api } from './api.ts';
import { fieldName, formatFieldValue } from './fieldValue.ts';
import { formatTime, t } from './text.ts';

// A record's (or a note's) revisions, newest first: who changed it, when, why and what (each field before →
// after). Undo sends the version the form was opened on and undoes only that revision's fields; when a later
// change touched one of them, the server names it and the researcher confirms before it is overwritten.

export type FieldDiff = { field: string; before: unknown; after: unknown };
/** A revision as GET …/revisions answers it: with the fields it changed (`diff`, from the server). */
export type RevisionWithDiff = Revision & { diff?: FieldDiff[] };

/** The revisions at `url` (newest first), read again whenever `refresh` changes; null until they arrive. */
export function useRevisions(url: string, refresh: unknown) {
  const [revisions, setRevisions] = useState<RevisionWithDiff[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void api<{ revisions: RevisionWithDiff[] }>('GET', url).then((r) => {
      if (r.ok) setRevisions(r.data.revisions);
      else setError(r.message);
    });
  }, [url, refresh]);
  return { revisions, error, setError };
}

type LaterChange = { field: string; revision: number; actor: string; at: string };
type ChangedLater = { error: { code: string; later?: LaterChange[] }; current?: { version?: number } };

const PLURAL_FIELDS = new Set(['partners', 'sources', 'flags']);

/** The newest later change of each field, in words: "The date was changed again later by X on DATE…". */
function confirmText(later: readonly LaterChange[]): string {
  const newest = new Map<string, LaterChange>();
  for (const l of later) newest.set(l.field, l);
  return t.changedLater(
    [...newest.values()].map((l) => ({
      ...l,
      field: fieldName(l.field).toLowerCase(),
      plural: PLURAL_FIELDS.has(l.field),
    })),
  );
}

function Diff(props: {
  diff: FieldDiff[];
  side: 'before' | 'after' | 'both';
  categories: readonly Category[];
}): JSX.Element {
  return (
    <dl class="ed-diff">
      {props.diff.map((d) => (
        <div key={d.field} data-field={d.field}>
          <dt>{fieldName(d.field)}</dt>
          {/* A new record shows what it was made with, a deleted one what it had: one side only. */}
          <dd>
            {props.side !== 'after' ? (
              <span class={props.side === 'both' ? 'ed-before' : ''}>
                {formatFieldValue(d.field, d.before, props.categories)}
              </span>
            ) : null}
            {props.side === 'both' ? (
              <>
                <span aria-hidden="true"> → </span>
                <span class="ed-visually-hidden"> changed to </span>
              </>
            ) : null}
            {props.side !== 'before' ? (
              <span class="ed-after">{formatFieldValue(d.field, d.after, props.categories)}</span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function History(props: {
  /** The record's API path: /api/v1/agreements/ID or /api/v1/notes/ID. */
  path: string;
  version: number;
  categories?: readonly Category[];
  onReverted: (id: string | null) => Promise<void>;
}): JSX.Element {
  const { path } = props;
  const { revisions, error, setError } = useRevisions(`${path}/revisions`, props.version);
  const [busy, setBusy] = useState(false);

  const undo = async (revision: number): Promise<void> => {
    setBusy(true);
    setError('');
    try {
      const send = (force: boolean, version: number) =>
        api<{ id: string } | null>('POST', `${path}/revert`, {
          body: force ? { revision, force } : { revision },
          ifMatch: version,
        });
      let r = await send(false, props.version);
      if (!r.ok && r.status === 409) {
        const body = r.body as ChangedLater | null;
        if (body?.error.code !== 'changed_later') return setError(t.undoStale);
        if (!confirm(confirmText(body.error.later ?? []))) return;
        r = await send(true, body.current?.version ?? props.version);
      }
      if (r.ok) await props.onReverted(r.data?.id ?? null);
      else setError(r.status === 409 ? t.undoStale : r.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ed-history" aria-labelledby="ed-history-title" data-testid="history">
      <h3 id="ed-history-title">{t.history}</h3>
      {error ? (
        <p class="ed-error" role="alert" data-testid="history-error">
          {error}
        </p>
      ) : null}
      {revisions === null ? null : revisions.length === 0 ? (
        <p class="ed-hint">{t.noHistory}</p>
      ) : (
        <ol class="ed-revisions">
          {revisions.map((r, i) => (
            <li key={r.id} data-revision={r.id}>
              <span>
                <strong>{t.actions[r.action] ?? r.action}</strong> {formatTime(r.at)} · {r.actor}
              </span>
              <span class="ed-hint" data-testid="revision-reason">
                {r.reason}
              </span>
              {r.diff && r.diff.length > 0 ? (
                <Diff
                  diff={r.diff}
                  side={r.before === null ? 'after' : r.after === null ? 'before' : 'both'}
                  categories={props.categories ?? []}
                />
              ) : null}
              {i < 10 && r.action !== 'create' ? (
                <button
                  type="button"
                  class="ed-button ed-small"
                  disabled={busy}
                  onClick={() => undo(r.id)}
                  data-testid={`undo-${r.id}`}
                >
                  {t.undo}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
