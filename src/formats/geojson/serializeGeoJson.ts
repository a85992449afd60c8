import { countryName } from '../../core/countries/index.ts';
import type { IncomingAgreement, IncomingNote } from '../../core/diff.ts';
import type { CountryCode } from '../../core/ids.ts';
import { formatPartialIso } from '../../core/partialDate.ts';
import type { Dataset } from '../../core/schemas.ts';
import { CENTROIDS } from '../centroids.generated.ts';

// RFC 7946 GeoJSON for GIS users: one Point feature per partner country with at least one agreement, at a
// representative point (the centroid of its largest polygon), carrying counts and the agreements themselves.
// Country notes ride along on countries that have agreements; the JSON document is the lossless export.
// Browser-safe.

type GeoAgreement = {
  id: string | null;
  category: string;
  title: string;
  date: string;
  date_text: string;
  summary: string;
  partners: string[];
  non_governmental: boolean;
  multilateral: boolean;
  mentions_only: boolean;
  status: string;
  sources: Array<{ url: string; title: string }>;
};

type Feature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
};

function toGeo(a: IncomingAgreement): GeoAgreement {
  return {
    id: a.id ?? null,
    category: a.category,
    title: a.title,
    date: formatPartialIso(a.date),
    date_text: a.date.text,
    summary: a.summary,
    partners: [...a.partners],
    non_governmental: a.flags.nonGovernmental,
    multilateral: a.flags.multilateral,
    mentions_only: a.flags.mentionsOnly,
    status: a.status,
    sources: a.sources.map((s) => ({ url: s.url, title: s.title })),
  };
}

export function serializeGeoJson(
  dataset: Pick<Dataset, 'categories' | 'focalCountry'>,
  agreements: readonly IncomingAgreement[],
  notes: readonly IncomingNote[] = [],
): string {
  const byCountry = new Map<CountryCode, IncomingAgreement[]>();
  for (const a of agreements) {
    for (const p of a.partners) {
      if (p === dataset.focalCountry) continue;
      const list = byCountry.get(p) ?? [];
      if (!list.includes(a)) list.push(a);
      byCountry.set(p, list);
    }
  }
  const features: Feature[] = [...byCountry.keys()].sort().map((code) => {
    const list = byCountry.get(code) ?? [];
    const counts: Record<string, number> = {};
    for (const c of dataset.categories)
      counts[`count_${c.id}`] = list.filter((a) => a.category === c.id).length;
    const point = CENTROIDS[code];
    return {
      type: 'Feature',
      id: code,
      geometry: point ? { type: 'Point', coordinates: [point[0], point[1]] } : null,
      properties: {
        iso2: code,
        name: countryName(code),
        ...counts,
        count_total: list.length,
        agreements: list.map(toGeo),
        notes: notes
          .filter((n) => n.country === code)
          .map((n) => ({
            id: n.id ?? null,
            text: n.text,
            sources: n.sources.map((s) => ({ url: s.url, title: s.title })),
          })),
      },
    };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}
