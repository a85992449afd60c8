import { serializeCsv, serializeGeoJson, serializeJson } from '../../formats/index.ts';
import type { Renderer, RenditionKind } from './snapshots.ts';

// How each download is written: the formats package owns the bytes, the server only labels them.
export const renderers: Record<RenditionKind, Renderer> = {
  json: (doc) => ({ body: serializeJson(doc), contentType: 'application/json; charset=utf-8' }),
  csv: (doc) => ({
    body: serializeCsv(doc.dataset, doc.agreements, doc.notes),
    contentType: 'text/csv; charset=utf-8; header=present',
  }),
  geojson: (doc) => ({
    body: serializeGeoJson(doc.dataset, doc.agreements, doc.notes),
    contentType: 'application/geo+json; charset=utf-8',
  }),
};
