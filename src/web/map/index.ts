// The world map's public face: geometry asset decoding, map state (no pixels), the standalone SVG renderer
// and the interactive Preact component. Depends on src/core only. The projection (d3-geo) is not exported
// here: import project.ts where geometry is decoded (server, bake, tests), so the page bundle has no d3-geo.

export {
  type CategoryStyle,
  categoryStyles,
  comboKey,
  type FillSpec,
  fillKey,
  fillPaint,
  patternId,
  TEXTURES,
  type Texture,
} from './fills.ts';
export { englishMapLabels, englishWorldMapLabels, type MapLabels, type WorldMapLabels } from './labels.ts';
export {
  checkLayout,
  LAYOUT_HEIGHT,
  LAYOUT_WIDTH,
  type MapLayout,
  makeLayout,
  mapHeightFor,
  type UnitLayout,
} from './layout.ts';
export { liveMapRules, mapCssFile } from './mapCss.ts';
export { buildMapLayers, type MapLayers, type MapTreeOptions } from './mapTree.ts';
export { geographicOrder, type NavKey, type NavPoint, nextFocus } from './navigation.ts';
export {
  type MapGeometry,
  PAGE_GEOMETRY_VERSION,
  type PageGeometryMeta,
  pageGeometryMeta,
  readPageGeometry,
} from './pageGeometry.ts';
export { type LegendItem, type RenderOptions, renderMapSvg } from './render.ts';
export {
  computeMapState,
  type MapState,
  type MapStateInput,
  type MapUnitState,
  type UnitRole,
  unitOf,
} from './state.ts';
export { escapeXml, type SvgNode, toSvgString } from './svg.ts';
export { type MapTheme, mapStyleSheet } from './theme.ts';
export { WorldMap, type WorldMapProps } from './WorldMap.tsx';
export { makeWorld, type World, type WorldUnit } from './world.ts';
export {
  normalizeZoom,
  sameZoom,
  transformToZoom,
  ZOOM_IDENTITY,
  type ZoomState,
  zoomBy,
  zoomToTransform,
} from './zoom.ts';
