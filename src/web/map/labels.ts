import type { Category } from '../../core/schemas.ts';

// Words the map says. The page owns its text module and passes these in; the English defaults exist so the map
// works (and is tested) on its own.

export type MapLabels = {
  /** One category's count: "1 MLAT", "2 MoUs / Joint Statements". */
  count: (category: Category, n: number) => string;
  /** Joins the counts of a country: "1 MLAT, 2 MoUs / Joint Statements". */
  list: (parts: readonly string[]) => string;
  /** Joins a name and what the map says about it into the spoken name: "Singapore: 1 MLAT, …". */
  named: (name: string, description: string) => string;
  /** Counts of undated agreements drawn apart: "undated: 1 MLAT". */
  undated: (list: string) => string;
  /** A country with research notes and no agreements (under the current filters). */
  notes: string;
  /** The one name of every country the map does not list: "India (focal country) and 180 other …". */
  others: (n: number, focal: string | null) => string;
  /** What the map says about the focal country, a disputed area, and a country without agreements. */
  focal: string;
  disputed: string;
  none: string;
};

/** "MoUs / Joint Statements" -> "MoU / Joint Statement": a fallback only; the page's text module knows better. */
function singular(label: string): string {
  return label.replace(/\b([A-Za-z]{2,}[A-RT-Za-rt-z])s\b/g, (_, stem: string) => stem);
}

export const englishMapLabels: MapLabels = {
  count: (category, n) => `${n} ${n === 1 ? singular(category.label) : category.label}`,
  list: (parts) => parts.join(', '),
  named: (name, description) => `${name}: ${description}`,
  undated: (list) => `undated: ${list}`,
  notes: 'research notes, no agreements',
  others: (n, focal) =>
    `${focal ? `${focal} (focal country) and ` : ''}${n} other countries and territories: no agreements`,
  focal: 'focal country',
  disputed: 'disputed area',
  none: 'no agreements',
};

/** Words of the interactive map's own controls. */
export type WorldMapLabels = {
  /** Accessible name of the map as a whole. */
  map: string;
  /** How to use the map from the keyboard (read once by screen readers). */
  instructions: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
};

export const englishWorldMapLabels: WorldMapLabels = {
  map: 'World map of agreements',
  instructions:
    'Left and Right arrows go through the countries with agreements or research notes in alphabetical order, ' +
    'Up and Down to the nearest one north or south; Enter opens one, Escape closes it; plus and minus zoom.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Reset zoom',
};
