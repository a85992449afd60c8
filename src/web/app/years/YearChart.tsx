import type { JSX, Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import { formatNumber, messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import type { PerYear } from './countPerYear.ts';
import { labelledYears } from './yearLabels.ts';

// A small stacked bar chart of dated agreements per year. The SVG is an image with a text description;
// the same numbers are one click away as a table, for readers who cannot see the bars.

const W = 640;
const H = 170;
const PAD = { top: 12, right: 8, bottom: 24, left: 28 };

export function YearChart(props: { perYear: PerYear; rootRef?: Ref<HTMLElement> }): JSX.Element {
  const { doc } = useAtlas();
  const id = useId();
  // The table is built when the reader opens it, not on every filter step while it is closed.
  const [tableOpen, setTableOpen] = useState(false);
  const categories = doc.dataset.categories;
  const { years, max, undated } = props.perYear;
  const first = years[0];
  const last = years[years.length - 1];

  if (!first || !last || max === 0) {
    return (
      <section ref={props.rootRef} class="chart" aria-labelledby={`${id}-t`} data-testid="year-chart">
        <h2 id={`${id}-t`} class="section-title">
          {t.chartTitle}
        </h2>
        <p class="muted">{t.chartEmpty}</p>
      </section>
    );
  }

  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const band = innerW / years.length;
  const barW = Math.max(2, Math.min(28, band * 0.72));
  const y = (n: number): number => (n / max) * innerH;
  const labelled = labelledYears(years.length, band);
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];

  return (
    <section ref={props.rootRef} class="chart" aria-labelledby={`${id}-t`} data-testid="year-chart">
      <h2 id={`${id}-t`} class="section-title">
        {t.chartTitle}
      </h2>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{t.chartTitle}</title>
        <desc id={`${id}-d`}>{t.chartDescription(first.year, last.year)}</desc>
        {ticks.map((v) => (
          <g key={`t${v}`} class="chart-grid">
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={PAD.top + innerH - y(v)}
              y2={PAD.top + innerH - y(v)}
            />
            <text x={PAD.left - 6} y={PAD.top + innerH - y(v)} dy="0.32em" text-anchor="end">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {years.map((row, i) => {
          const x = PAD.left + i * band + (band - barW) / 2;
          let top = PAD.top + innerH;
          return (
            <g key={row.year}>
              {categories.map((c) => {
                const n = row.byCategory[c.id] ?? 0;
                if (n === 0) return null;
                const h = y(n);
                top -= h;
                return (
                  <rect key={c.id} x={x} y={top} width={barW} height={h} fill={c.color} class="chart-bar">
                    <title>{`${row.year}: ${formatNumber(n)} ${c.label}`}</title>
                  </rect>
                );
              })}
              {labelled.has(i) ? (
                <text class="chart-label" x={x + barW / 2} y={H - 6} text-anchor="middle">
                  {row.year}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {undated > 0 ? <p class="hint">{t.chartUndated(undated)}</p> : null}
      <details class="chart-table" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>{t.chartAsTable}</summary>
        {tableOpen ? (
          <table class="table table-compact">
            <caption class="sr-only">{t.chartTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.chartYear}</th>
                {categories.map((c) => (
                  <th key={c.id} scope="col">
                    {c.shortLabel}
                  </th>
                ))}
                <th scope="col">{t.chartTotal}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((row) => (
                <tr key={row.year}>
                  <th scope="row">{row.year}</th>
                  {categories.map((c) => (
                    <td key={c.id} class="num">
                      {formatNumber(row.byCategory[c.id] ?? 0)}
                    </td>
                  ))}
                  <td class="num">{formatNumber(row.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </section>
  );
}
