import type { AgreementFilter } from '../../core/filters.ts';
import type { CategoryId, CountryCode } from '../../core/ids.ts';
import type { Dataset } from '../../core/schemas.ts';
import { HttpError } from '../http/httpError.ts';
import type { AgreementQuery } from './apiSchemas.ts';
import type { CountryDirectory } from './countryDirectory.ts';

// Turns validated query parameters into the one filter shape core applies everywhere. What the static
// schema cannot know (which categories a dataset has, which codes are countries) is checked here.

function bad(parameter: string, message: string): HttpError {
  return new HttpError(400, 'invalid_parameter', `query parameter "${parameter}" ${message}`, [
    { parameter, message },
  ]);
}

export function toAgreementFilter(
  query: AgreementQuery,
  dataset: Dataset,
  countries: CountryDirectory,
): AgreementFilter {
  const filter: AgreementFilter = {};
  if (query.category !== undefined) {
    const allowed = dataset.categories.map((c) => c.id as string);
    const unknown = query.category.filter((c) => !allowed.includes(c));
    if (unknown.length > 0) {
      throw bad(
        'category',
        `has unknown ${unknown.length === 1 ? 'category' : 'categories'} ${unknown.map((c) => `"${c}"`).join(', ')}; allowed: ${allowed.join(', ')}`,
      );
    }
    filter.categories = query.category as CategoryId[];
  }
  if (query.partner !== undefined) {
    const unknown = query.partner.filter((p) => countries.lookup(p) === null);
    if (unknown.length > 0) {
      throw bad(
        'partner',
        `has ${unknown.map((p) => `"${p}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a' : 'are not'} ISO 3166-1 alpha-2 country code${unknown.length === 1 ? '' : 's'}; use codes such as SG or JP`,
      );
    }
    filter.partners = query.partner as CountryCode[];
  }
  if (query.region !== undefined) {
    const regions = countries.regions();
    const canonical = new Map(regions.map((r) => [r.toLowerCase(), r]));
    const unknown = query.region.filter((r) => !canonical.has(r.toLowerCase()));
    if (unknown.length > 0) {
      throw bad(
        'region',
        `has unknown ${unknown.map((r) => `"${r}"`).join(', ')}; allowed: ${regions.join(', ')}`,
      );
    }
    filter.regions = query.region.map((r) => canonical.get(r.toLowerCase())!);
  }
  if (query.from !== undefined) filter.from = query.from;
  if (query.to !== undefined) filter.to = query.to;
  if (query.undated !== undefined) filter.undated = query.undated;
  if (query.q !== undefined && query.q.trim() !== '') filter.text = query.q;
  if (query.nonGovernmental !== undefined) filter.nonGovernmental = query.nonGovernmental;
  if (query.multilateral !== undefined) filter.multilateral = query.multilateral;
  if (query.status !== undefined && query.status.length > 0) filter.statuses = query.status;
  return filter;
}
