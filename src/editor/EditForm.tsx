import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiResult, api, type FieldProblem } from './api.ts';
import { t } from './text.ts';

// What a record's form and a note's form share: the frame (title, Close, focus on open), the messages (saved,
// someone else's change, bad fields, other errors) and the save and delete round trips with their versions.

export type Saved = (id: string | null, notice: string) => Promise<void>;

type Outcome = {
  busy: boolean;
  problems: FieldProblem[];
  error: string;
  /** Why a save or delete met someone else's change, when the form cannot merge it (deleted meanwhile). */
  stale: string;
  /** Their version, when a save met it (409 with `current`): the form shows the merge view. */
  theirs: unknown;
};
const CLEAR: Outcome = { busy: false, problems: [], error: '', stale: '', theirs: null };

/**
 * Sends a save or a delete and keeps what went wrong: a save's 409 brings their version for the merge view, a
 * 400 its fields. `reason` goes with the change (X-Change-Reason).
 */
export function useSaving(onSaved: Saved) {
  const [outcome, setOutcome] = useState<Outcome>(CLEAR);
  const fail = (r: ApiResult<unknown> & { ok: false }, deleting: boolean): void => {
    const theirs = r.status === 409 ? ((r.body as { current?: unknown } | null)?.current ?? null) : null;
    setOutcome({
      ...CLEAR,
      theirs: deleting ? null : theirs,
      stale: r.status !== 409 ? '' : deleting ? t.staleDelete : theirs === null ? t.staleGone : '',
      problems: r.status === 409 ? [] : r.details,
      error: r.status !== 409 && r.details.length === 0 ? r.message : '',
    });
  };
  return {
    outcome,
    /** Leaves the merge view; the draft stays as it is. */
    dismissConflict: (): void => setOutcome(CLEAR),
    /** POST (no version) or PATCH (with the version the form was opened on, or theirs after a merge). */
    save: async (
      url: string,
      body: unknown,
      version: number | null,
      notice: string,
      reason = '',
    ): Promise<void> => {
      setOutcome({ ...CLEAR, busy: true });
      const r = await api<{ id: string }>(version === null ? 'POST' : 'PATCH', url, {
        body,
        reason,
        ...(version === null ? {} : { ifMatch: version }),
      });
      if (!r.ok) return fail(r, false);
      setOutcome(CLEAR);
      await onSaved(r.data.id, notice);
    },
    remove: async (url: string, version: number, reason = ''): Promise<void> => {
      if (!confirm(t.confirmDelete)) return;
      const r = await api('DELETE', url, { ifMatch: version, reason });
      if (!r.ok) return fail(r, true);
      await onSaved(null, t.deleted);
    },
  };
}

/** The optional "Reason for this change" of a form; sent with the save as X-Change-Reason. */
export function ReasonField(props: { value: string; onInput: (v: string) => void }): JSX.Element {
  return (
    <label class="ed-field">
      <span>{t.reason}</span>
      <input
        value={props.value}
        maxLength={500}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        data-testid="field-reason"
      />
      <small class="ed-hint">{t.reasonHint}</small>
    </label>
  );
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
        <p class="ed-error" role="alert" data-testid="stale">
          {outcome.stale}
        </p>
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
