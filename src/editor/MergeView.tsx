import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.ts';
import {
  type Choice,
  type Draft,
  type DraftValue,
  type FieldState,
  fieldState,
  mergeDrafts,
} from './mergeDrafts.ts';
import { t } from './text.ts';

// When a save meets someone else's change (409 with the record now), the merge view shows their version beside
// the draft, field by field (mergeDrafts.ts decides which fields conflict), and asks for a choice wherever both
// changed a field differently. Focus moves to its heading; each choice is a fieldset with its legend.

export type { Choice, DraftValue } from './mergeDrafts.ts';

/**
 * Who saved the version a save met (the newest revision of the record at `path`), null until known. The merge
 * view names them, so the researcher knows whom to ask.
 */
export function useSavedBy(path: string | null, version: number | null): string | null {
  const [who, setWho] = useState<string | null>(null);
  useEffect(() => {
    setWho(null);
    if (path === null) return;
    void api<{ revisions: Array<{ actor: string }> }>('GET', `${path}/revisions`).then((r) => {
      if (r.ok) setWho(r.data.revisions[0]?.actor ?? null);
    });
  }, [path, version]);
  return who;
}

export function MergeView<D extends Draft>(props: {
  loaded: D;
  yours: D;
  theirs: D;
  /** When their version was saved, in words, and by whom when known. */
  when: string;
  who: string | null;
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
  /** The fields only one side changed, with the value that will be saved. */
  const oneSide = (fields: string[], side: Choice): JSX.Element | null =>
    fields.length === 0 ? null : (
      <>
        <h4>{side === 'theirs' ? t.mergeTheirsOnly : t.mergeYoursOnly}</h4>
        <dl class="ed-diff" data-testid={`merge-${side}-only`}>
          {fields.map((k) => (
            <div key={k} data-field={k}>
              <dt>{labelOf(k)}</dt>
              <dd>{value(k, (side === 'theirs' ? theirs : yours)[k] as DraftValue)}</dd>
            </div>
          ))}
        </dl>
      </>
    );

  return (
    <section class="ed-merge" aria-labelledby="ed-merge-title" data-testid="merge-view">
      <h3 id="ed-merge-title" tabIndex={-1} ref={heading}>
        {t.mergeTitle}
      </h3>
      <p class="ed-hint" data-testid="merge-hint">
        {t.mergeHint(props.when, props.who)}
      </p>
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
        {oneSide(theirsOnly, 'theirs')}
        {oneSide(yoursOnly, 'yours')}
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
