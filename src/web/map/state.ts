import type { CategoryId, CountryCode } from '../../core/ids.ts';
import type { Category, Dataset } from '../../core/schemas.ts';
import { type CountryTally, categoriesOf } from '../../core/stats.ts';
import { type CategoryStyle, categoryStyles, comboKey, type FillSpec } from './fills.ts';
import { englishMapLabels, type MapLabels } from './labels.ts';
import type { World } from './world.ts';

// What the map shows, computed without pixels or DOM: every unit's role, categories, counts, spoken name and
// fill. Renderers (render.ts, WorldMap.tsx) are stateless functions of this.

export type UnitRole = 'focal' | 'partner' | 'other' | 'disputed';

export type MapUnitState = {
  /** Alpha-3 code of the geometry unit: unique, also for units without an ISO code. */
  a3: string;
  iso2: CountryCode | null;
  name: string;
  role: UnitRole;
  /** Categories that colour it under the current filter (dated ones while a year range is set), dataset order. */
  categories: readonly CategoryId[];
  /** Categories of its undated agreements drawn apart (see MapStateInput.undated), dataset order. */
  undated: readonly CategoryId[];
  /** Records per category (only categories it has). */
  counts: Readonly<Record<string, number>>;
  total: number;
  /** One phrase per category ("2 MoUs / Joint Statements"), in dataset order. */
  countTexts: readonly string[];
  /** What the map says about it: the counts, or "focal country", "disputed area", "no agreements". */
  description: string;
  /** Accessible name: "Singapore: 1 MLAT, 2 MoUs / Joint Statements". */
  label: string;
  fill: FillSpec;
  /** A stop for the keyboard and a click target: partners and countries with research notes. */
  focusable: boolean;
  /** In the map's accessibility tree (by name): a partner or notes country of the dataset, whatever the filters. */
  listed: boolean;
  /** The dataset has research notes on it. */
  notes: boolean;
  /** Drawn with a marker because the shape is too small to see or tap. */
  marker: boolean;
  selected: boolean;
  compared: boolean;
  anchor: readonly [number, number];
};

export type MapState = {
  /** In the order of world.units. */
  units: readonly MapUnitState[];
  /** Colour and texture of each dataset category, in dataset order. */
  styles: readonly CategoryStyle[];
  /** Category combinations in use (pattern keys), sorted. */
  combos: readonly (readonly CategoryId[])[];
  /** Alpha-3 codes of the focusable units in alphabetical order of their names: the keyboard's (Left/Right). */
  focusOrder: readonly string[];
  /** The accessible name of the units that are not listed, as one group. */
  othersLabel: string;
  selected: CountryCode | null;
  /** Partners with agreements that the geometry has no unit for (listed by the page, not drawn). */
  missing: readonly CountryCode[];
};

export type MapStateInput = {
  world: World;
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>;
  /** core/stats.ts tallyByCountry over the currently filtered agreements (the dated ones, under a year range). */
  tallies: ReadonlyMap<CountryCode, CountryTally>;
  /**
   * Undated agreements to draw apart (a year range is set and the reader asked for them): a country with only
   * these is outlined and hatched, never coloured as if dated; they are named in every country's label.
   */
  undated?: ReadonlyMap<CountryCode, CountryTally>;
  selected?: CountryCode | null;
  compare?: readonly CountryCode[];
  /** The page's country names (its text module); the asset's English names otherwise. */
  nameOf?: (code: CountryCode) => string;
  labels?: MapLabels;
  /** Countries the dataset has research notes on: reachable from the map, named as such. */
  notes?: ReadonlySet<CountryCode>;
  /**
   * Countries the map lists (its accessibility tree) whatever the filters: the dataset's partners and notes
   * countries. Default: the current partners and the notes countries. Keeping it fixed keeps a filter step
   * from moving shapes between groups.
   */
  listed?: ReadonlySet<CountryCode>;
};

// Names in the reader's language order ("Côte d'Ivoire" with the Cs); the page is English today.
const collator = new Intl.Collator('en', { sensitivity: 'base' });

const NO_CATEGORIES: readonly CategoryId[] = Object.freeze([]);
const NO_COUNTS: Readonly<Record<string, number>> = Object.freeze({});
const NO_TEXTS: readonly string[] = Object.freeze([]);
const LAND: FillSpec = Object.freeze({ kind: 'land' });
const FOCAL: FillSpec = Object.freeze({ kind: 'focal' });
const DISPUTED: FillSpec = Object.freeze({ kind: 'disputed' });
const UNDATED: FillSpec = Object.freeze({ kind: 'undated' });

export function computeMapState(input: MapStateInput): MapState {
  const { world, dataset, tallies } = input;
  const labels = input.labels ?? englishMapLabels;
  const selected = input.selected ?? null;
  const compare = new Set<string>(input.compare ?? []);
  const styles = categoryStyles(dataset.categories);
  const byId = new Map<string, Category>(dataset.categories.map((c) => [c.id, c]));
  const fills = new Map<string, FillSpec & { kind: 'categories' }>();
  const drawn = new Set<string>();
  const focusTaken = new Set<string>();

  const units: MapUnitState[] = [];
  for (const u of world.units) {
    const name = u.iso2 !== null && input.nameOf ? input.nameOf(u.iso2) : u.name;
    const isSelected = u.iso2 !== null && u.iso2 === selected;
    const compared = u.iso2 !== null && compare.has(u.iso2);
    if (u.iso2 !== null) drawn.add(u.iso2);
    const tally = u.iso2 === null ? undefined : tallies.get(u.iso2);
    const focalUnit = u.iso2 === dataset.focalCountry;
    const categories = focalUnit ? NO_CATEGORIES : categoriesOf(tally, dataset.categories);
    const undatedTally = u.iso2 === null || focalUnit ? undefined : input.undated?.get(u.iso2);
    const undated = undatedTally ? categoriesOf(undatedTally, dataset.categories) : NO_CATEGORIES;
    const undatedText =
      undated.length === 0
        ? ''
        : labels.undated(
            labels.list(undated.map((id) => labels.count(byId.get(id)!, undatedTally!.byCategory[id]!))),
          );
    const notes = u.iso2 !== null && !focalUnit && (input.notes?.has(u.iso2) ?? false);
    const listed = u.iso2 !== null && !focalUnit && (input.listed?.has(u.iso2) ?? false);
    if (u.iso2 === null || (categories.length === 0 && undated.length === 0)) {
      const focal = u.iso2 !== null && u.iso2 === dataset.focalCountry;
      const role: UnitRole = focal ? 'focal' : u.disputed ? 'disputed' : 'other';
      const description = focal
        ? labels.focal
        : u.disputed
          ? labels.disputed
          : notes
            ? labels.notes
            : labels.none;
      const reachable = notes && !focusTaken.has(u.iso2!);
      if (reachable) focusTaken.add(u.iso2!);
      units.push({
        a3: u.a3,
        iso2: u.iso2,
        name,
        role,
        categories: NO_CATEGORIES,
        undated: NO_CATEGORIES,
        counts: NO_COUNTS,
        total: 0,
        countTexts: NO_TEXTS,
        description,
        label: labels.named(name, description),
        fill: focal ? FOCAL : u.disputed ? DISPUTED : LAND,
        focusable: reachable,
        listed: listed || notes,
        notes,
        marker: focal && u.tiny,
        selected: isSelected,
        compared,
        anchor: u.anchor,
      });
      continue;
    }
    const counts: Record<string, number> = {};
    const countTexts: string[] = [];
    for (const id of categories) {
      const n = tally?.byCategory[id] ?? 0;
      counts[id] = n;
      countTexts.push(labels.count(byId.get(id)!, n));
    }
    let fill: FillSpec = UNDATED;
    if (categories.length > 0) {
      const key = comboKey(categories);
      let combo = fills.get(key);
      if (combo === undefined) {
        combo = { kind: 'categories', key, categories };
        fills.set(key, combo);
      }
      fill = combo;
    }
    // A code drawn as several units (an operator's own geometry may split a country) takes one keyboard stop.
    const focusable = !focusTaken.has(u.iso2);
    focusTaken.add(u.iso2);
    const description = [countTexts.length > 0 ? labels.list(countTexts) : '', undatedText]
      .filter((s) => s !== '')
      .join('; ');
    units.push({
      a3: u.a3,
      iso2: u.iso2,
      name,
      role: 'partner',
      categories,
      undated,
      counts,
      total: tally?.total ?? 0,
      countTexts,
      description,
      label: labels.named(name, description),
      fill,
      focusable,
      listed: true,
      notes,
      marker: u.tiny,
      selected: isSelected,
      compared,
      anchor: u.anchor,
    });
  }

  const missing = [...tallies.keys()]
    .filter((c) => c !== dataset.focalCountry && !drawn.has(c) && (tallies.get(c)?.total ?? 0) > 0)
    .sort();
  const focusOrder = units
    .filter((u) => u.focusable)
    .sort((a, b) => collator.compare(a.name, b.name) || (a.a3 < b.a3 ? -1 : 1))
    .map((u) => u.a3);
  const others = units.filter((u) => !u.listed && u.role !== 'focal').length;
  const focalUnit = units.find((u) => u.role === 'focal');
  return {
    units,
    styles,
    combos: [...fills.keys()].sort().map((k) => fills.get(k)!.categories),
    focusOrder,
    othersLabel: labels.others(others, focalUnit ? focalUnit.name : null),
    selected,
    missing,
  };
}

/** The unit to show for a country code (its keyboard stop when it has several). */
export function unitOf(state: MapState, code: CountryCode | null): MapUnitState | undefined {
  if (code === null) return undefined;
  return state.units.find((u) => u.iso2 === code && u.focusable) ?? state.units.find((u) => u.iso2 === code);
}
