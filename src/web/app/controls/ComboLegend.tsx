import type { JSX, Ref } from 'preact';
import { fillKey, type MapState } from '../../map/index.ts';
import { messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { ComboMark } from '../CategoryMark.tsx';

// The key to the map's colours: every combination of categories on the map now, with its swatch (the map's
// own fill) and how many countries have it. Pointing at or focusing an entry picks out its countries on the
// map (outlined on top, the rest dimmed), so a reader checks a colour against the map rather than memory.
// Clicking or tapping an entry pins that (a phone has no pointing); clicking it again lets go.

export type ComboEntry = { key: string; categories: readonly string[]; countries: number };

/** Whether any partner on the map is drawn as this combination now. */
export function comboOnMap(state: MapState, key: string): boolean {
  return state.units.some((u) => u.role === 'partner' && u.iso2 !== null && fillKey(u.fill) === key);
}

/** The combinations drawn on the map (pattern keys, or "undated"), in the map's order, with their country counts. */
export function comboEntries(state: MapState): ComboEntry[] {
  const counts = new Map<string, Set<string>>();
  for (const u of state.units) {
    if (u.role !== 'partner' || u.iso2 === null) continue;
    const key = fillKey(u.fill);
    const set = counts.get(key) ?? new Set<string>();
    set.add(u.iso2);
    counts.set(key, set);
  }
  const order = (cats: readonly string[]): number => cats.length;
  const entries = state.combos.map((categories) => {
    const key = categories.join('.');
    return { key, categories, countries: counts.get(key)?.size ?? 0 };
  });
  entries.sort((a, b) => order(a.categories) - order(b.categories));
  const undated = counts.get('undated');
  if (undated) entries.push({ key: 'undated', categories: [], countries: undated.size });
  return entries.filter((e) => e.countries > 0);
}

export type ComboLegendProps = {
  state: MapState;
  /** The combination pinned by a click or tap (the entry that is pressed). */
  pinned: string | null;
  /** Pointing at or focusing an entry (null: no longer). */
  onPoint: (key: string | null) => void;
  onPin: (key: string | null) => void;
  /** On the legend's outermost element. */
  rootRef?: Ref<HTMLElement>;
};

export function ComboLegend(props: ComboLegendProps): JSX.Element | null {
  const { doc } = useAtlas();
  const short = new Map(doc.dataset.categories.map((c) => [c.id as string, c.shortLabel || c.label]));
  const entries = comboEntries(props.state);
  if (entries.length === 0) return null;
  const off = (): void => props.onPoint(null);
  return (
    <section ref={props.rootRef} class="combos" aria-labelledby="combos-heading" data-testid="combo-legend">
      <h2 id="combos-heading" class="combos-title">
        {t.map.comboHeading}
      </h2>
      <ul class="combo-list">
        {entries.map((e) => {
          const name =
            e.key === 'undated'
              ? t.map.comboUndated
              : t.map.comboName(e.categories.map((c) => short.get(c) ?? c));
          return (
            <li key={e.key}>
              <button
                type="button"
                class="combo"
                aria-pressed={props.pinned === e.key}
                data-testid={`combo-${e.key}`}
                data-combo={e.key}
                onMouseEnter={() => props.onPoint(e.key)}
                onMouseLeave={off}
                onFocus={() => props.onPoint(e.key)}
                onBlur={off}
                onClick={() => props.onPin(props.pinned === e.key ? null : e.key)}
              >
                <ComboMark categories={e.categories} size={18} />
                <span class="combo-name">{name}</span>
                <span class="combo-count">{t.map.comboCount(e.countries)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p class="hint combos-hint">{t.map.comboHint}</p>
    </section>
  );
}
