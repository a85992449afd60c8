import type { JSX } from 'preact';
import type { CategoryId } from '../../../core/ids.ts';
import type { Stats } from '../../../core/stats.ts';
import { formatNumber, messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { CategoryMark } from '../CategoryMark.tsx';

// The headline numbers double as the legend and as the category filters, as in the original infographic.
// A card is a toggle button (aria-pressed); its number follows every other filter.

export type LegendCardsProps = {
  cardStats: Stats;
  stats: Stats;
  shown: readonly CategoryId[] | null;
  onToggle: (id: CategoryId) => void;
};

export function LegendCards(props: LegendCardsProps): JSX.Element {
  const { doc } = useAtlas();
  const categories = doc.dataset.categories;
  return (
    <section class="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" class="sr-only">
        {t.legendLabel}
      </h2>
      <div class="cards">
        {categories.map((c) => {
          const pressed = props.shown === null || props.shown.includes(c.id);
          const n = props.cardStats.counts[c.id] ?? 0;
          return (
            <button
              key={c.id}
              type="button"
              class={`card${pressed ? '' : ' card-off'}`}
              aria-pressed={pressed}
              data-testid={`legend-card-${c.id}`}
              data-category={c.id}
              onClick={() => props.onToggle(c.id)}
            >
              <svg class="card-band" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
                <rect width="100" height="4" fill={c.color} />
              </svg>
              <span class="card-top">
                <span class="card-count" data-testid={`legend-count-${c.id}`}>
                  {formatNumber(n)}
                </span>
                <CategoryMark category={c.id} size={18} />
              </span>
              <span class="card-label">
                <span class="label-long">{c.label}</span>
                <span class="label-short">{c.shortLabel}</span>
              </span>
              <span class="card-unit">
                {t.cardUnit(c.count, n)}
                {pressed ? null : <span class="card-state"> · {t.cardHidden}</span>}
              </span>
            </button>
          );
        })}
      </div>
      <p class="summary" data-testid="summary" aria-live="polite">
        {t.summaryLine(props.stats.partners, props.stats.agreements)}
      </p>
    </section>
  );
}
