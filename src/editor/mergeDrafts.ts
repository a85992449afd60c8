// When a save meets someone else's change, the form's draft, what it was opened on and their version are compared
// field by field. Fields only they changed take theirs, fields only you changed keep yours, and for each field both
// changed differently the researcher chooses: nothing typed is dropped without a choice. A draft is a flat object
// of strings and booleans (what a form edits), so this serves records and notes alike.

export type DraftValue = string | boolean;
export type Choice = 'theirs' | 'yours';
export type Draft = Record<string, DraftValue>;

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
