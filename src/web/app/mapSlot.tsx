import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CountryCode } from '../../core/ids.ts';
import {
  computeMapState,
  decodeWorld,
  type LegendItem,
  type MapLabels,
  type MapState,
  renderMapSvg,
  type World,
  WorldMap,
  type WorldMapLabels,
  ZOOM_IDENTITY,
} from '../map/index.ts';
import worldUrl from '../map/world.generated.json?url';
import { countOf, formatNumber, messages as t } from '../text.ts';
import { type Atlas, useAtlas } from './atlas.ts';
import type { MapExportInput, MapSlot, MapViewProps } from './MapArea.tsx';

// The real map for the browser: the geometry is a separate hashed file fetched once (never inlined in the
// script), the map state comes from the page's selection, and the words from the page's text module.
// Only main.tsx imports this; the server render has no geometry and shows MapArea's placeholder.

let world: Promise<World> | null = null;

/** Starts (once) and returns the geometry download; main.tsx calls it before rendering so it overlaps. */
export function loadWorld(): Promise<World> {
  world ??= fetch(worldUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`${worldUrl} answered ${res.status}`);
      return res.json() as Promise<unknown>;
    })
    .then((json) => decodeWorld(json, worldUrl));
  return world;
}

function mapLabels(): MapLabels {
  return {
    count: (category, n) => countOf(category.label, n),
    list: t.map.list,
    named: t.map.named,
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

function stateFor(w: World, atlas: Atlas, input: Omit<MapExportInput, 'atlas' | 'zoom'>): MapState {
  return computeMapState({
    world: w,
    dataset: atlas.doc.dataset,
    tallies: input.selection.tallies,
    selected: input.country,
    compare: input.compare,
    nameOf: atlas.countries.name,
    labels: mapLabels(),
  });
}

function MapView(props: MapViewProps): JSX.Element {
  const atlas = useAtlas();
  const [loaded, setLoaded] = useState<World | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadWorld().then(setLoaded, (e: unknown) => {
      console.error(e);
      setFailed(true);
    });
  }, []);
  const mapState = useMemo(
    () =>
      loaded === null
        ? null
        : stateFor(loaded, atlas, {
            selection: props.selection,
            country: props.country,
            compare: props.compare,
          }),
    [loaded, atlas, props.selection, props.country, props.compare],
  );
  if (loaded === null || mapState === null) {
    return (
      <div class="map-placeholder">
        <p>{failed ? t.map.loadFailed : t.mapPlaceholder}</p>
      </div>
    );
  }
  const onSelect = (code: CountryCode | null): void => {
    if (code === null) props.onClose();
    else props.onSelectCountry(code, document.activeElement);
  };
  return (
    <>
      <WorldMap
        state={mapState}
        world={loaded}
        onSelect={onSelect}
        zoom={props.zoom ?? ZOOM_IDENTITY}
        onZoom={(z) => props.onZoom(z.k === 1 ? null : z)}
        labels={worldMapLabels}
      />
      {mapState.missing.length > 0 ? (
        <p class="hint map-missing">{t.map.missing(mapState.missing.map(atlas.countries.name).join(', '))}</p>
      ) : null}
    </>
  );
}

async function exportSvg(input: MapExportInput): Promise<string> {
  const w = await loadWorld();
  const { atlas, selection } = input;
  const { dataset } = atlas.doc;
  const legend: LegendItem[] = [
    ...dataset.categories.map((c) => ({
      label: `${formatNumber(selection.stats.counts[c.id] ?? 0)} ${c.label}`,
      swatch: c.id,
    })),
    { label: t.map.legendFocal(atlas.countries.name(dataset.focalCountry)), swatch: 'focal' },
    { label: t.map.legendDisputed, swatch: 'disputed' },
  ];
  const credit = [
    dataset.credits.map((c) => c.name).join(', '),
    t.licenceShort(dataset.license.name),
    atlas.pageUrl,
    t.geometryCredit,
  ]
    .filter(Boolean)
    .join(' · ');
  return renderMapSvg(stateFor(w, atlas, input), w, {
    width: 1200,
    height: 760,
    title: dataset.title,
    legend,
    credit,
    theme: 'light',
    zoom: input.zoom ?? ZOOM_IDENTITY,
  });
}

export const worldMapSlot: MapSlot = { View: MapView, exportSvg };
