import type { JSX, TargetedKeyboardEvent } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import type { CountryCode } from '../../../core/ids.ts';
import { messages as t } from '../../text.ts';
import { type CountrySuggestion, useAtlas } from '../atlas.ts';

// A country search in the ARIA 1.2 combobox pattern: focus stays in the input, arrow keys move the active
// option (aria-activedescendant), Enter picks it, Escape closes the list and then clears the text.
// Suggestions come from the country registry, so aliases ("Burma", "UK") find their country.

export type SearchBoxProps = {
  label: string;
  placeholder?: string;
  testid: string;
  onPick: (code: CountryCode) => void;
  /** Codes not to offer (already compared, say). */
  exclude?: readonly CountryCode[];
  disabled?: boolean;
};

const LIMIT = 8;

export function SearchBox(props: SearchBoxProps): JSX.Element {
  const { countries, byCountry, doc } = useAtlas();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Names and aliases of every country load on first use of a search box (see countryTable.ts).
  const [complete, setComplete] = useState(countries.complete === undefined);
  const prepare = (): void => {
    if (!complete) countries.complete?.().then(() => setComplete(true), console.error);
  };

  const options = useMemo((): CountrySuggestion[] => {
    const q = query.trim();
    if (q === '') return [];
    const skip = new Set<string>([doc.dataset.focalCountry, ...(props.exclude ?? [])]);
    const found = countries.suggest(q, LIMIT * 2).filter((s) => !skip.has(s.iso2));
    // Countries with agreements first: they are what a reader of this map is most likely looking for.
    const withData = found.filter((s) => byCountry.has(s.iso2));
    const without = found.filter((s) => !byCountry.has(s.iso2));
    return [...withData, ...without].slice(0, LIMIT);
  }, [query, countries, byCountry, doc, props.exclude, complete]);

  const listId = `${id}-list`;
  const optionId = (i: number): string => `${id}-opt-${i}`;
  const searching = open && query.trim() !== '';
  // An empty listbox is invalid ARIA; with no match the live region below says so instead.
  const expanded = searching && options.length > 0;

  const pick = (s: CountrySuggestion | undefined): void => {
    if (!s) return;
    setQuery('');
    setOpen(false);
    setActive(0);
    props.onPick(s.iso2);
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const n = options.length;
      if (n > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      if (expanded) {
        e.preventDefault();
        pick(options[active]);
      }
    } else if (e.key === 'Escape') {
      // Handled here so the page's Escape (close the country panel) does not also fire.
      if (searching) {
        e.stopPropagation();
        setOpen(false);
      } else if (query !== '') {
        e.stopPropagation();
        setQuery('');
      }
    }
  };

  return (
    <div class="search" data-testid={props.testid}>
      <label for={`${id}-input`} class="control-label">
        {props.label}
      </label>
      <div class="search-field">
        <svg class="search-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.6" />
          <path d="M10.5 10.5 14 14" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
        </svg>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? optionId(active) : undefined}
          placeholder={props.placeholder}
          value={query}
          disabled={props.disabled}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => {
            prepare();
            setOpen(true);
          }}
        />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern's listbox */}
      <ul id={listId} role="listbox" aria-label={props.label} class="options" hidden={!expanded}>
        {options.map((s, i) => {
          const n = byCountry.get(s.iso2)?.length ?? 0;
          return (
            // Options are never focused: focus stays in the input and aria-activedescendant points here.
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            <li
              key={s.iso2}
              id={optionId(i)}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: see above
              role="option"
              aria-selected={i === active}
              class={`option${i === active ? ' option-active' : ''}${n === 0 ? ' option-empty' : ''}`}
              data-iso2={s.iso2}
              // mousedown, not click: a click would blur the input first and close the list under the pointer
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span class="option-name">
                {s.name}
                {s.matched && s.matched !== s.name ? <span class="option-alias"> ({s.matched})</span> : null}
              </span>
              <span class="option-count">{t.searchOptionCount(n)}</span>
            </li>
          );
        })}
      </ul>
      <p class={searching && !expanded ? 'search-hint' : 'sr-only'} aria-live="polite">
        {searching ? (expanded ? t.searchCount(options.length) : t.searchNoMatch(query.trim())) : ''}
      </p>
    </div>
  );
}
