import type { JSX } from 'preact';
import type { CountryCode } from '../../../core/ids.ts';
import type { CountryTally } from '../../../core/stats.ts';
import { formatNumber, messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { CategoryMark } from '../CategoryMark.tsx';
import { SearchBox } from '../controls/SearchBox.tsx';
import { MAX_COMPARE } from '../state/state.ts';

// Up to three countries side by side, counted under the current filters. Each column is a list of the same
// rows in the same order, so reading across compares like with like.

export type ComparePanelProps = {
  compare: readonly CountryCode[];
  tallies: ReadonlyMap<CountryCode, CountryTally>;
  onAdd: (code: CountryCode) => void;
  onRemove: (code: CountryCode) => void;
  onOpenCountry: (code: CountryCode, opener: HTMLElement) => void;
};

export function ComparePanel(props: ComparePanelProps): JSX.Element {
  const { doc, countries } = useAtlas();
  const categories = doc.dataset.categories;
  const full = props.compare.length >= MAX_COMPARE;
  let max = 1;
  for (const code of props.compare) {
    for (const c of categories) max = Math.max(max, props.tallies.get(code)?.byCategory[c.id] ?? 0);
  }
  return (
    <section class="compare" aria-labelledby="compare-heading" data-testid="compare">
      <h2 id="compare-heading" class="section-title">
        {t.compareTitle}
      </h2>
      <p class="hint">{full ? t.compareFull : t.compareIntro}</p>
      <SearchBox
        label={t.compareSearch}
        placeholder={t.searchPlaceholder}
        testid="compare-search"
        exclude={props.compare}
        disabled={full}
        onPick={props.onAdd}
      />
      {props.compare.length > 0 ? (
        <ul class="compare-grid">
          {props.compare.map((code) => {
            const tally = props.tallies.get(code);
            const name = countries.name(code);
            return (
              <li key={code} class="compare-col" data-iso2={code} data-testid={`compare-${code}`}>
                <div class="compare-head">
                  <h3 class="compare-name">
                    <button
                      type="button"
                      class="link-button"
                      onClick={(e) => props.onOpenCountry(code, e.currentTarget)}
                    >
                      {name}
                    </button>
                  </h3>
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={t.compareRemoveNamed(name)}
                    onClick={() => props.onRemove(code)}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <path
                        d="M3.5 3.5l9 9m0-9-9 9"
                        stroke="currentColor"
                        stroke-width="1.8"
                        stroke-linecap="round"
                      />
                    </svg>
                  </button>
                </div>
                <dl class="compare-rows">
                  {categories.map((c) => {
                    const n = tally?.byCategory[c.id] ?? 0;
                    return (
                      <div key={c.id} class="compare-row" data-category={c.id}>
                        <dt>
                          <CategoryMark category={c.id} size={12} /> {c.label}
                        </dt>
                        <dd>
                          <svg
                            class="compare-bar"
                            viewBox="0 0 100 8"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                          >
                            <rect width={(n / max) * 100} height="8" fill={c.color} />
                          </svg>
                          <span class="num">{formatNumber(n)}</span>
                        </dd>
                      </div>
                    );
                  })}
                  <div class="compare-row compare-total">
                    <dt>{t.compareTotal}</dt>
                    <dd>
                      <span class="num">{formatNumber(tally?.total ?? 0)}</span>
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
