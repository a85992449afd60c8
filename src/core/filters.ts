import type { CategoryId, CountryCode } from './ids.ts';
import type { AgreementContent, Status } from './schemas.ts';

// One filter shape for the read API, the CLI and the map page, so a count on the page and a count from the API
// under the same filter cannot disagree.

export type FlagRule = 'include' | 'exclude' | 'only';

export type AgreementFilter = {
  categories?: readonly CategoryId[];
  partners?: readonly CountryCode[];
  /** Inclusive year range over the signing date. */
  from?: number;
  to?: number;
  /** With a year range set: keep agreements whose date is unknown (default true, as the page explains). */
  undated?: boolean;
  /** Free text over title, summary, source URLs and partner names. */
  text?: string;
  regions?: readonly string[];
  nonGovernmental?: FlagRule;
  multilateral?: FlagRule;
  /** Keep agreements with one of these statuses. */
  statuses?: readonly Status[];
};

export type FilterContext = {
  nameOf?: (code: CountryCode) => string;
  regionOf?: (code: CountryCode) => string | null;
};

export type Filterable = Pick<
  AgreementContent,
  'category' | 'partners' | 'date' | 'summary' | 'title' | 'sources' | 'flags' | 'status'
>;

function flagOk(rule: FlagRule | undefined, value: boolean): boolean {
  if (rule === undefined || rule === 'include') return true;
  return rule === 'only' ? value : !value;
}

/** Folds case and accents so "cote" finds "Côte d'Ivoire". */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function makePredicate<T extends Filterable>(
  filter: AgreementFilter,
  ctx: FilterContext = {},
): (a: T) => boolean {
  const cats = filter.categories && filter.categories.length > 0 ? new Set<string>(filter.categories) : null;
  const partners = filter.partners && filter.partners.length > 0 ? new Set<string>(filter.partners) : null;
  const regions = filter.regions && filter.regions.length > 0 ? new Set(filter.regions) : null;
  const from = filter.from ?? null;
  const to = filter.to ?? null;
  const undated = filter.undated ?? true;
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set<string>(filter.statuses) : null;
  const needle = filter.text ? foldText(filter.text.trim()) : '';
  return (a: T): boolean => {
    if (cats && !cats.has(a.category)) return false;
    if (statuses && !statuses.has(a.status)) return false;
    if (partners && !a.partners.some((p) => partners.has(p))) return false;
    if (regions) {
      const regionOf = ctx.regionOf;
      if (!regionOf || !a.partners.some((p) => regions.has(regionOf(p) ?? ''))) return false;
    }
    if (from !== null || to !== null) {
      const y = a.date.year;
      if (y === null) {
        if (!undated) return false;
      } else if ((from !== null && y < from) || (to !== null && y > to)) return false;
    }
    if (!flagOk(filter.nonGovernmental, a.flags.nonGovernmental)) return false;
    if (!flagOk(filter.multilateral, a.flags.multilateral)) return false;
    if (needle !== '') {
      const names = ctx.nameOf ? a.partners.map((p) => ctx.nameOf!(p)).join(' ') : '';
      const hay = foldText(
        [
          a.title,
          a.summary,
          a.date.text,
          names,
          a.partners.join(' '),
          ...a.sources.map((s) => `${s.url} ${s.title}`),
        ].join(' '),
      );
      if (!hay.includes(needle)) return false;
    }
    return true;
  };
}

export function filterAgreements<T extends Filterable>(
  agreements: readonly T[],
  filter: AgreementFilter,
  ctx: FilterContext = {},
): T[] {
  const keep = makePredicate<T>(filter, ctx);
  return agreements.filter(keep);
}

/** The filter's fields grouped by the condition they make: makePredicate tests each group on its own. */
const CONDITIONS: readonly (readonly (keyof AgreementFilter)[])[] = [
  ['categories'],
  ['partners'],
  ['regions'],
  ['nonGovernmental'],
  ['multilateral'],
  ['text'],
  ['statuses'],
];
const YEAR_FIELDS: readonly (keyof AgreementFilter)[] = ['from', 'to', 'undated'];

export type FilterParts = {
  /** The year range and the undated rule: depends on an agreement's signing year alone. */
  years: AgreementFilter | null;
  /** One filter per other condition, each depending on one field of the agreement. */
  rest: AgreementFilter[];
};

/**
 * The filter as independent conditions whose conjunction is the filter (an agreement passes `filter` exactly
 * when it passes every part), so an index over many agreements can test the year part once per distinct year
 * and keep the others as cached masks (web/app/agreementIndex.ts) while core still decides what each means.
 * A condition none of whose fields is set is left out.
 */
export function splitFilter(filter: AgreementFilter): FilterParts {
  const pick = (keys: readonly (keyof AgreementFilter)[]): AgreementFilter | null => {
    const part: Record<string, unknown> = {};
    let any = false;
    for (const k of keys) {
      if (filter[k] === undefined) continue;
      part[k] = filter[k];
      any = true;
    }
    return any ? (part as AgreementFilter) : null;
  };
  const rest: AgreementFilter[] = [];
  for (const keys of CONDITIONS) {
    const part = pick(keys);
    if (part !== null) rest.push(part);
  }
  return { years: pick(YEAR_FIELDS), rest };
}
