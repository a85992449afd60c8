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
    'Use the arrow keys to move between countries with agreements, Enter to open one, Escape to close it; ' +
    'plus and minus zoom.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Reset zoom',
};
