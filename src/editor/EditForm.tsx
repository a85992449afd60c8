import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiResult, api, type FieldProblem } from './api.ts';
import { t } from './text.ts';

// What a record's form and a note's form share: the frame (title, Close, focus on open), the messages (saved,
// someone else's change, bad fields, other errors) and the save and delete round trips with their versions.

export type Saved = (id: string | null, notice: string) => Promise<void>;

type Outcome = { busy: boolean; problems: FieldProblem[]; error: string; stale: boolean };
const CLEAR: Outcome = { busy: false, problems: [], error: '', stale: false };

/** Sends a save or a delete and keeps what went wrong: a 409 is "someone else changed it", a 400 its fields. */
export function useSaving(onSaved: Saved) {
  const [outcome, setOutcome] = useState<Outcome>(CLEAR);
  const fail = (r: ApiResult<unknown> & { ok: false }): void =>
    setOutcome({
      ...CLEAR,
      stale: r.status === 409,
      problems: r.status === 409 ? [] : r.details,
      error: r.status !== 409 && r.details.length === 0 ? r.message : '',
    });
  return {
    outcome,
    /** POST (no version) or PATCH (with the version the form was opened on). */
    save: async (url: string, body: unknown, version: number | null, notice: string): Promise<void> => {
      setOutcome({ ...CLEAR, busy: true });
      const r = await api<{ id: string }>(version === null ? 'POST' : 'PATCH', url, {
        body,
        ...(version === null ? {} : { ifMatch: version }),
      });
      if (!r.ok) return fail(r);
      setOutcome(CLEAR);
      await onSaved(r.data.id, notice);
    },
    remove: async (url: string, version: number): Promise<void> => {
      if (!confirm(t.confirmDelete)) return;
      const r = await api('DELETE', url, { ifMatch: version });
      if (!r.ok) return fail(r);
      await onSaved(null, t.deleted);
    },
  };
}

/** The form's frame and messages; `prefix` names their test ids (`${prefix}-notice`, `${prefix}-problems`). */
export function EditForm(props: {
  id: string;
  testId: string;
  prefix: string;
  title: string;
  notice: string;
  outcome: Outcome;
  /** How a field of the API is called in the form. */
  labelOf: (field: string | null) => string;
  onClose: () => void;
  onReload: () => void;
  children: ComponentChildren;
}): JSX.Element {
  const { outcome } = props;
  // Opening a form moves focus (and, on a phone, the view) to it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section class="ed-form ed-card" aria-labelledby={props.id} data-testid={props.testId}>
      <div class="ed-form-head">
        <h2 id={props.id} tabIndex={-1} ref={heading}>
          {props.title}
        </h2>
        <button type="button" class="ed-button" onClick={props.onClose}>
          {t.cancel}
        </button>
      </div>
      {props.notice ? (
        <p class="ed-ok" role="status" data-testid={`${props.prefix}-notice`}>
          {props.notice}
        </p>
      ) : null}
      {outcome.stale ? (
        <div class="ed-error" role="alert" data-testid="stale">
          <p>{t.stale}</p>
          <button type="button" class="ed-button" onClick={props.onReload}>
            {t.reload}
          </button>
        </div>
      ) : null}
      {outcome.problems.length > 0 ? (
        <div class="ed-error" role="alert" data-testid={`${props.prefix}-problems`}>
          <p>{t.fixFields}</p>
          <ul>
            {outcome.problems.map((p) => (
              <li key={`${p.field}${p.message}`}>
                <strong>{props.labelOf(p.field)}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome.error ? (
        <p class="ed-error" role="alert">
          {outcome.error}
        </p>
      ) : null}
      {props.children}
    </section>
  );
}

/**
 * Which record a list has open in its form ('new' for a blank one) and the notice of its last save. After a
 * save the list is read again and the saved record stays open; the form's key changes with the record's version,
 * so it starts again from what was saved.
 */
export function useOpenForm<T extends { id: string; version: number }>(
  items: readonly T[],
  onChanged: () => Promise<void>,
  initial: string | null = null,
) {
  const [open, setOpen] = useState<string | 'new' | null>(initial);
  const [notice, setNotice] = useState('');
  const current = open === null || open === 'new' ? null : (items.find((x) => x.id === open) ?? null);
  const choose = (id: string | 'new' | null): void => {
    setNotice('');
    setOpen(id);
  };
  const saved: Saved = async (id, message) => {
    await onChanged();
    setOpen(id);
    setNotice(message);
  };
  const formKey = open === 'new' ? 'new' : `${open}:${current?.version ?? 'gone'}`;
  return { open, current, notice, choose, saved, formKey };
}
