import type { Dataset } from '../../../core/schemas.ts';
import { messages as t } from '../../text.ts';
import { effectiveRange, isFullRange, type YearDomain } from '../years/years.ts';
import type { AppState } from './state.ts';

// The active filters in words, for print ("Showing: MoUs only, 2010–2017, region Asia"): a printed map
// cannot show its controls, so the page says what it was narrowed to.

export function filterWords(
  state: AppState,
  dataset: Pick<Dataset, 'categories'>,
  domain: YearDomain | null,
  hasUndated: boolean,
): string {
  const parts: string[] = [];
  if (state.categories !== null) {
    const shown = dataset.categories.filter((c) => state.categories!.includes(c.id));
    parts.push(shown.length === 0 ? t.showingNone : t.showingOnly(shown.map((c) => c.shortLabel || c.label)));
  }
  if (domain !== null) {
    const r = effectiveRange(state.from, state.to, domain);
    if (!isFullRange(r, domain)) {
      parts.push(t.timelineRange(r.from, r.to));
      if (hasUndated) parts.push(state.undated ? t.showingUndatedApart : t.showingUndatedOut);
    }
  }
  if (state.region !== null) parts.push(t.showingRegion(state.region));
  if (state.nonGovernmental !== 'include')
    parts.push(t.showingFlag(t.flagNonGovernmental, state.nonGovernmental));
  if (state.multilateral !== 'include') parts.push(t.showingFlag(t.flagMultilateral, state.multilateral));
  return t.showing(parts);
}
