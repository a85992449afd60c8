import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './text.ts';

// When a save meets someone else's change (409 with the record now), the form's draft, what it was opened on and
// their version are compared field by field. Fields only they changed take theirs, fields only you changed keep
// yours, and for each field both changed differently the researcher chooses: nothing typed is dropped without a
// choice. The draft is a flat object of strings and booleans (what the form edits), so one view serves records
// and notes.

export type DraftValue = string | boolean;
export type Choice = 'theirs' | 'yours';
type Draft = Record<string, DraftValue>;

export type FieldState = 'conflict' | 'theirs' | 'yours' | 'same';

/** How a field stands: changed by both (differently), only by them, only by you, or by nobody. */
export function fieldState(loaded: DraftValue, yours: DraftValue, theirs: DraftValue): FieldState {
  const mine = yours !== loaded;
  const other = theirs !== loaded;
  if (mine && other && yours !== theirs) return 'conflict';
  if (other && !mine) return 'theirs';
  if (mine && yours !== theirs) return 'yours';
  return 'same';
}

/** The draft to save on top of their version: theirs, with yours where only you changed a field or chose yours. */
export function mergeDrafts<D extends Draft>(
  loaded: D,
  yours: D,
  theirs: D,
  choices: Readonly<Record<string, Choice>>,
): D {
  const out: Draft = { ...theirs };
  for (const key of Object.keys(theirs)) {
    const state = fieldState(loaded[key] as DraftValue, yours[key] as DraftValue, theirs[key] as DraftValue);
    if (state === 'yours' || (state === 'conflict' && choices[key] === 'yours'))
      out[key] = yours[key] as DraftValue;
  }
  return out as D;
}

export function MergeView<D extends Draft>(props: {
  loaded: D;
  yours: D;
  theirs: D;
  /** When their version was saved, in words. */
  when: string;
  labelOf: (key: string) => string;
  show: (key: string, value: DraftValue) => string;
  onMerge: (merged: D) => void;
  onCancel: () => void;
}): JSX.Element {
  const { loaded, yours, theirs, labelOf, show } = props;
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const keys = Object.keys(theirs);
  const stateOf = (k: string): FieldState =>
    fieldState(loaded[k] as DraftValue, yours[k] as DraftValue, theirs[k] as DraftValue);
  const conflicts = keys.filter((k) => stateOf(k) === 'conflict');
  const theirsOnly = keys.filter((k) => stateOf(k) === 'theirs');
  const yoursOnly = keys.filter((k) => stateOf(k) === 'yours');

  const apply = (e: Event): void => {
    e.preventDefault();
    const open = conflicts.filter((k) => choices[k] === undefined);
    setMissing(open);
    if (open.length === 0) props.onMerge(mergeDrafts(loaded, yours, theirs, choices));
  };

  const value = (k: string, v: DraftValue): JSX.Element => <span class="ed-merge-value">{show(k, v)}</span>;

  return (
    <section class="ed-merge" aria-labelledby="ed-merge-title" data-testid="merge-view">
      <h3 id="ed-merge-title" tabIndex={-1} ref={heading}>
        {t.mergeTitle}
      </h3>
      <p class="ed-hint">{t.mergeHint(props.when)}</p>
      <form onSubmit={apply}>
        {conflicts.length > 0 ? <h4>{t.mergeConflicts}</h4> : null}
        {conflicts.map((k) => (
          <fieldset key={k} class="ed-merge-field" data-testid={`merge-${k}`}>
            <legend>{labelOf(k)}</legend>
            {(['theirs', 'yours'] as const).map((side) => (
              <label key={side} class="ed-merge-choice">
                <input
                  type="radio"
                  name={`merge-${k}`}
                  value={side}
                  checked={choices[k] === side}
                  onChange={() => setChoices((c) => ({ ...c, [k]: side }))}
                  data-testid={`merge-${k}-${side}`}
                />
                <span>
                  <strong>{side === 'theirs' ? t.keepTheirs : t.keepYours}</strong>
                  {value(k, (side === 'theirs' ? theirs[k] : yours[k]) as DraftValue)}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        {theirsOnly.length > 0 ? (
          <>
            <h4>{t.mergeTheirsOnly}</h4>
            <dl class="ed-diff" data-testid="merge-theirs-only">
              {theirsOnly.map((k) => (
                <div key={k} data-field={k}>
                  <dt>{labelOf(k)}</dt>
                  <dd>{value(k, theirs[k] as DraftValue)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        {yoursOnly.length > 0 ? (
          <>
            <h4>{t.mergeYoursOnly}</h4>
            <dl class="ed-diff" data-testid="merge-yours-only">
              {yoursOnly.map((k) => (
                <div key={k} data-field={k}>
                  <dt>{labelOf(k)}</dt>
                  <dd>{value(k, yours[k] as DraftValue)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        {missing.length > 0 ? (
          <p class="ed-error" role="alert" data-testid="merge-missing">
            {t.mergeChoose(missing.map(labelOf).join(', '))}
          </p>
        ) : null}
        <div class="ed-actions">
          <button type="submit" class="ed-button ed-primary" data-testid="merge-save">
            {t.mergeSave}
          </button>
          <button type="button" class="ed-button" onClick={props.onCancel} data-testid="merge-cancel">
            {t.mergeCancel}
          </button>
        </div>
      </form>
    </section>
  );
}
