import type { ComponentType, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CountryCode } from '../../core/ids.ts';
import { messages as t } from '../text.ts';
import type { Atlas } from './atlas.ts';
import type { Selection } from './selection/selectAgreements.ts';
import type { Zoom } from './state/state.ts';

// Where the map goes. The page does not import the map itself: main.tsx passes it in, so the server-side
// render (which has no geometry and no DOM) draws a placeholder of the same size instead.

export type MapViewProps = {
  selection: Selection;
  country: CountryCode | null;
  compare: readonly CountryCode[];
  zoom: Zoom | null;
  onSelectCountry: (code: CountryCode, opener: Element | null) => void;
  onClose: () => void;
  /** Called when the reader has zoomed or panned; null is the whole world. */
  onZoom: (zoom: Zoom | null) => void;
};

export type MapExportInput = Pick<MapViewProps, 'selection' | 'country' | 'compare' | 'zoom'> & {
  atlas: Atlas;
};

export type MapSlot = {
  View: ComponentType<MapViewProps>;
  /** The map as a self-contained SVG document with title, legend and credit, for downloads. */
  exportSvg: (input: MapExportInput) => Promise<string>;
};

/** Below this width the country panel is a bottom sheet over the lower part of the screen (panel.css). */
const SHEET_QUERY = '(max-width: 760px)';
/** The part of the screen the sheet leaves free (panel.css: max-height 55vh), and the map rows to keep there. */
const ABOVE_SHEET = 0.45;
const MIN_MAP_ROWS = 150;

/** On a phone, a country opened where the sheet would cover the map scrolls the map up above the sheet. */
function useMapAboveSheet(ref: { current: HTMLElement | null }, country: CountryCode | null): void {
  useEffect(() => {
    const node = ref.current;
    if (country === null || !node || !window.matchMedia?.(SHEET_QUERY).matches) return;
    const r = node.getBoundingClientRect();
    const free = window.innerHeight * ABOVE_SHEET;
    if (Math.min(r.bottom, free) - Math.max(r.top, 0) < Math.min(MIN_MAP_ROWS, r.height)) {
      window.scrollBy({ top: r.top, behavior: 'instant' });
    }
  }, [country]);
}

export function MapArea(props: MapViewProps & { slot: MapSlot | null; title: string }): JSX.Element {
  const { slot, title, ...view } = props;
  const ref = useRef<HTMLElement>(null);
  useMapAboveSheet(ref, props.country);
  return (
    <section
      ref={ref}
      class="map-frame"
      id="map"
      data-testid="map"
      tabIndex={-1}
      aria-label={t.mapLabel(title)}
    >
      {slot ? (
        <slot.View {...view} />
      ) : (
        <div class="map-placeholder">
          <p>{t.mapPlaceholder}</p>
        </div>
      )}
    </section>
  );
}
