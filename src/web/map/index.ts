// The world map's public face: geometry asset decoding, map state (no pixels), the standalone SVG renderer
// and the interactive Preact component. Depends on src/core only.

export {
  type CategoryStyle,
  categoryStyles,
  comboKey,
  type FillSpec,
  fillPaint,
  patternId,
  TEXTURES,
  type Texture,
} from './fills.ts';
export { englishMapLabels, englishWorldMapLabels, type MapLabels, type WorldMapLabels } from './labels.ts';
export {
  layoutMap,
  type MapLayout,
  mapHeightFor,
  mapPath,
  mapProjection,
  projectPoint,
  type UnitLayout,
} from './layout.ts';
export { mapCssFile } from './mapCss.ts';
export { buildMapLayers, type MapLayers, type MapTreeOptions } from './mapTree.ts';
export { geographicOrder, type NavKey, type NavPoint, nextFocus } from './navigation.ts';
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
export { decodeWorld, type World, type WorldUnit } from './world.ts';
export {
  normalizeZoom,
  sameZoom,
  transformToZoom,
  ZOOM_IDENTITY,
  type ZoomState,
  zoomBy,
  zoomToTransform,
} from './zoom.ts';
