import type { CSSProperties, JSX } from 'preact';

// [+] [−] [reset]: real buttons with accessible names, 32 px targets, the browser's own focus ring. A row in the
// bottom-left corner, over the empty South Pacific, hides the least map (on a phone the map is ~170 px tall).

export type ZoomButtonsProps = {
  prefix: string;
  labels: { zoomIn: string; zoomOut: string; zoomReset: string };
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
};

const group: CSSProperties = {
  position: 'absolute',
  bottom: '8px',
  left: '8px',
  display: 'flex',
  flexDirection: 'row',
  gap: '4px',
};

const button: CSSProperties = {
  width: '32px',
  height: '32px',
  font: '600 18px/1 system-ui, sans-serif',
  color: 'var(--aa-button-fg, #1b1f24)',
  background: 'var(--aa-button-bg, #ffffff)',
  border: '1px solid var(--aa-button-border, #8a9099)',
  borderRadius: '4px',
  cursor: 'pointer',
  padding: 0,
};

export function ZoomButtons({ prefix, labels, onZoomIn, onZoomOut, onReset }: ZoomButtonsProps): JSX.Element {
  const items: [string, string, () => void][] = [
    [labels.zoomIn, '+', onZoomIn],
    [labels.zoomOut, '−', onZoomOut],
    [labels.zoomReset, '⟲', onReset],
  ];
  return (
    <div class={`${prefix}-zoom-buttons`} style={group}>
      {items.map(([label, sign, onClick]) => (
        <button key={sign} type="button" style={button} aria-label={label} title={label} onClick={onClick}>
          {sign}
        </button>
      ))}
    </div>
  );
}
