import type { CSSProperties, JSX } from 'preact';
import type { CategoryStyle } from './fills.ts';
import type { MapUnitState } from './state.ts';

// The hover (and keyboard focus) card. Screen readers already hear the same words as the country's name,
// so the card is hidden from them.

export type MapTooltipProps = {
  unit: MapUnitState;
  styles: readonly CategoryStyle[];
  /** Point the card points at, px inside the map's box. */
  x: number;
  y: number;
  width: number;
};

const box: CSSProperties = {
  position: 'absolute',
  pointerEvents: 'none',
  zIndex: 2,
  maxWidth: '16rem',
  padding: '0.4rem 0.6rem',
  borderRadius: '4px',
  background: 'var(--aa-tooltip-bg, #1b1f24)',
  color: 'var(--aa-tooltip-fg, #ffffff)',
  font: '13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontVariantNumeric: 'tabular-nums',
  boxShadow: '0 2px 8px rgba(0,0,0,0.25)',
  whiteSpace: 'nowrap',
};

export function MapTooltip({ unit, styles, x, y, width }: MapTooltipProps): JSX.Element {
  const below = y < 70;
  const left = Math.min(Math.max(x, 70), Math.max(70, width - 70));
  const style: CSSProperties = {
    ...box,
    left: `${Math.round(left)}px`,
    top: `${Math.round(y)}px`,
    transform: below ? 'translate(-50%, 14px)' : 'translate(-50%, calc(-100% - 12px))',
  };
  const colors = new Map(styles.map((s) => [s.id as string, s.color]));
  return (
    <div class="aa-tooltip" aria-hidden="true" style={style}>
      <strong>{unit.name}</strong>
      {unit.countTexts.length > 0 ? (
        unit.categories.map((c, i) => (
          <div key={c}>
            <span
              style={{
                display: 'inline-block',
                width: '0.6rem',
                height: '0.6rem',
                marginRight: '0.35rem',
                borderRadius: '2px',
                background: colors.get(c),
              }}
            />
            {unit.countTexts[i]}
          </div>
        ))
      ) : (
        <div>{unit.description}</div>
      )}
    </div>
  );
}
