import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type BoundaryView, boundariesOf } from '../../core/boundaries.ts';
import type { CountryCode } from '../../core/ids.ts';
import {
  computeMapState,
  type LegendItem,
  type MapGeometry,
  type MapLabels,
  type MapState,
  renderMapSvg,
  WorldMap,
  type WorldMapLabels,
  ZOOM_IDENTITY,
} from '../map/index.ts';
import { countOf, formatNumber, messages as t } from '../text.ts';
import { type Atlas, useAtlas } from './atlas.ts';
import { ComboLegend, comboEntries, comboOnMap } from './controls/ComboLegend.tsx';
import type { MapExportInput, MapSlot, MapViewProps } from './MapArea.tsx';
import { OffscreenLater } from './OffscreenLater.tsx';

// The real map in the page's map slot, for the server and the browser alike: the map state comes from the
// page's selection, the words from the page's text module, the geometry from a source the host provides
// (the server: decoded and projected on start; the browser: read back from the page, or downloaded).

export type GeometrySource = {
  /** The geometry if it is at hand now (so the first render draws the map). */
  now: () => MapGeometry | null;
  /** The geometry of a view of boundaries, downloading it if need be. */
  load: (view: BoundaryView) => Promise<MapGeometry>;
};

function mapLabels(): MapLabels {
  return {
    count: (category, n) => countOf(category.label, n),
    list: t.map.list,
    named: t.map.named,
    undated: t.map.undated,
    notes: t.map.notes,
    others: t.map.others,
    focal: t.map.focal,
    disputed: t.map.disputed,
    none: t.map.none,
  };
}

const worldMapLabels: WorldMapLabels = {
  map: t.map.name,
  instructions: t.map.instructions,
  zoomIn: t.map.zoomIn,
  zoomOut: t.map.zoomOut,
  zoomReset: t.map.zoomReset,
};

function stateFor(g: MapGeometry, atlas: Atlas, input: Omit<MapExportInput, 'atlas' | 'zoom'>): MapState {
  return computeMapState({
    world: g.world,
    dataset: atlas.doc.dataset,
    tallies: input.selection.mapTallies,
    undated: input.selection.undated?.apart ? input.selection.undated.tallies : undefined,
    selected: input.country,
    compare: input.compare,
    nameOf: atlas.countries.name,
    labels: mapLabels(),
    notes: atlas.notesCountries,
    listed: atlas.listedCountries,
  });
}

export function createMapSlot(source: GeometrySource): MapSlot {
  function MapView(props: MapViewProps): JSX.Element {
    const atlas = useAtlas();
    const [geometry, setGeometry] = useState<MapGeometry | null>(source.now);
    const [failed, setFailed] = useState(false);
    // The combination the key picks out: the entry pointed at or focused, else the one pinned by a click or tap.
    const [pointed, setPointed] = useState<string | null>(null);
    const [pinned, setPinned] = useState<string | null>(null);
    useEffect(() => {
      if (geometry !== null) return;
      source.load(boundariesOf(atlas.doc.dataset)).then(setGeometry, (e: unknown) => {
        console.error(e);
        setFailed(true);
      });
    }, []);
    const mapState = useMemo(
      () =>
        geometry === null
          ? null
          : stateFor(geometry, atlas, {
              selection: props.selection,
              country: props.country,
              compare: props.compare,
            }),
      // The atlas's parts, not the atlas: a copy with another page address draws the same map.
      [geometry, atlas.doc, atlas.countries, props.selection, props.country, props.compare],
    );
    if (geometry === null || mapState === null) {
      return (
        <div class="map-placeholder">
          <p>{failed ? t.map.loadFailed : t.mapPlaceholder}</p>
        </div>
      );
    }
    // A pin holds while its combination is on the map: a filter that takes it away does not leave the map
    // dimmed with nothing picked out (and no entry to unpin); bringing it back brings the pin back.
    const highlight = pointed ?? (pinned !== null && comboOnMap(mapState, pinned) ? pinned : null);
    const onSelect = (code: CountryCode | null): void => {
      if (code === null) props.onClose();
      else props.onSelectCountry(code, document.activeElement);
    };
    return (
      <>
        <WorldMap
          state={mapState}
          layout={geometry.layout}
          onSelect={onSelect}
          zoom={props.zoom ?? ZOOM_IDENTITY}
          onZoom={(z) => props.onZoom(z.k === 1 ? null : z)}
          labels={worldMapLabels}
          highlight={highlight}
        />
        <OffscreenLater value={mapState} deps={[highlight, pinned]}>
          {(drawn, ref) => (
            <ComboLegend state={drawn} pinned={pinned} onPoint={setPointed} onPin={setPinned} rootRef={ref} />
          )}
        </OffscreenLater>
        {mapState.missing.length > 0 ? (
          <p class="hint map-missing">
            {t.map.missing(mapState.missing.map(atlas.countries.name).join(', '))}
          </p>
        ) : null}
      </>
    );
  }

  async function exportSvg(input: MapExportInput): Promise<string> {
    const g = await source.load(boundariesOf(input.atlas.doc.dataset));
    const { atlas } = input;
    const { dataset } = atlas.doc;
    const state = stateFor(g, atlas, input);
    const short = new Map(dataset.categories.map((c) => [c.id as string, c.shortLabel || c.label]));
    // The image's key is the map's: one entry per combination drawn, with its number of countries.
    const legend: LegendItem[] = [
      ...comboEntries(state).map((e) => ({
        label: `${e.key === 'undated' ? t.map.comboUndated : t.map.comboName(e.categories.map((c) => short.get(c) ?? c))} (${t.map.comboCount(e.countries)})`,
        swatch: e.key,
      })),
      { label: t.map.legendFocal(atlas.countries.name(dataset.focalCountry)), swatch: 'focal' },
      { label: t.map.legendDisputed, swatch: 'disputed' },
    ];
    const credit = [
      // The headline numbers, as the page's cards give them under the same filters.
      dataset.categories
        .map((c) => `${formatNumber(input.selection.stats.counts[c.id] ?? 0)} ${c.label}`)
        .join(', '),
      dataset.credits.map((c) => c.name).join(', '),
      t.licenceShort(dataset.license.name),
      atlas.pageUrl,
      t.geometryCredit,
    ]
      .filter(Boolean)
      .join(' · ');
    return renderMapSvg(state, g.layout, {
      width: 1200,
      height: 760,
      title: dataset.title,
      legend,
      credit,
      theme: 'light',
      zoom: input.zoom ?? ZOOM_IDENTITY,
    });
  }

  return { View: MapView, exportSvg };
}

/** A slot over geometry already at hand (the server's render). */
export function fixedMapSlot(geometry: MapGeometry): MapSlot {
  return createMapSlot({ now: () => geometry, load: async () => geometry });
}
