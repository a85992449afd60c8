import type { ComponentType, JSX } from 'preact';
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

export function MapArea(props: MapViewProps & { slot: MapSlot | null; title: string }): JSX.Element {
  const { slot, title, ...view } = props;
  return (
    <section class="map-frame" id="map" data-testid="map" tabIndex={-1} aria-label={t.mapLabel(title)}>
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
