import type { JSX } from 'preact';

// [+] [−] [reset]: real buttons with accessible names, 32 px targets, the browser's own focus ring. A row in the
// bottom-left corner, over the empty South Pacific, hides the least map (on a phone the map is ~170 px tall).
// Styled by class (rules in mapCss.ts): the server renders them, and the page's CSP refuses style attributes.

export type ZoomButtonsProps = {
  prefix: string;
  labels: { zoomIn: string; zoomOut: string; zoomReset: string };
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
};

export function ZoomButtons({ prefix, labels, onZoomIn, onZoomOut, onReset }: ZoomButtonsProps): JSX.Element {
  const items: [string, string, () => void][] = [
    [labels.zoomIn, '+', onZoomIn],
    [labels.zoomOut, '−', onZoomOut],
    [labels.zoomReset, '⟲', onReset],
  ];
  return (
    <div class={`${prefix}-zoom-buttons`}>
      {items.map(([label, sign, onClick]) => (
        <button key={sign} type="button" aria-label={label} title={label} onClick={onClick}>
          {sign}
        </button>
      ))}
    </div>
  );
}
