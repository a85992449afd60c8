import type { FlagRule } from '../../../core/filters.ts';
import type { CategoryId, CountryCode } from '../../../core/ids.ts';
import {
  type AppState,
  defaultState,
  MAX_COMPARE,
  type SortKey,
  STATUSES,
  type ViewName,
  type Zoom,
} from './state.ts';

// The page state as a query string: short keys, defaults omitted, a fixed key order so the same state always
// gives the same link. Decoding is forgiving: a hand-edited or outdated link drops what it cannot read and
// keeps the rest, because a reader following an old link should still land on a working page.

export type DecodeContext = { categories: readonly string[] };

const FLAG_RULES: readonly FlagRule[] = ['include', 'exclude', 'only'];
const VIEWS: readonly ViewName[] = ['map', 'table'];
const SORT_KEYS: readonly SortKey[] = ['country', 'category', 'date'];

function round(n: number, digits: number): string {
  const s = n.toFixed(digits);
  // "2.50" -> "2.5", "3.00" -> "3"
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Scale to 3 decimals, the view centre (fractions of the map) to 4: as precise as the map keeps them. */
export function encodeZoom(z: Zoom): string {
  return `${round(z.k, 3)},${round(z.x, 4)},${round(z.y, 4)}`;
}

export function encodeState(s: AppState): string {
  const d = defaultState();
  const p = new URLSearchParams();
  if (s.country) p.set('country', s.country);
  if (s.categories !== null) p.set('cat', s.categories.join(','));
  if (s.from !== null) p.set('from', String(s.from));
  if (s.to !== null) p.set('to', String(s.to));
  if (s.undated !== d.undated) p.set('undated', '1');
  if (s.region !== null) p.set('region', s.region);
  if (s.nonGovernmental !== d.nonGovernmental) p.set('ngo', s.nonGovernmental);
  if (s.multilateral !== d.multilateral) p.set('multi', s.multilateral);
  if (s.status !== null) p.set('status', s.status);
  if (s.view !== d.view) p.set('view', s.view);
  if (s.zoom !== null) p.set('zoom', encodeZoom(s.zoom));
  if (s.compare.length > 0) p.set('compare', s.compare.join(','));
  if (s.query !== '') p.set('q', s.query);
  if (s.sort.key !== d.sort.key || s.sort.descending !== d.sort.descending) {
    p.set('sort', `${s.sort.descending ? '-' : ''}${s.sort.key}`);
  }
  if (s.embed) p.set('embed', '1');
  // URLSearchParams writes ',' as %2C; commas are legal in a query and keep links readable.
  return p.toString().replace(/%2C/g, ',');
}

function countryCode(raw: string | null): CountryCode | null {
  const c = raw?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(c) ? (c as CountryCode) : null;
}

function year(raw: string | null): number | null {
  if (raw === null || !/^\d{4}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((v) => v === raw) ?? fallback;
}

function zoom(raw: string | null): Zoom | null {
  if (raw === null) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [k, x, y] = parts as [number, number, number];
  return k > 0 ? { k, x, y } : null;
}

export function decodeState(search: string, ctx: DecodeContext): AppState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const s = defaultState();
  s.country = countryCode(p.get('country'));
  const cat = p.get('cat');
  if (cat !== null) {
    const known = new Set(ctx.categories);
    const wanted = cat.split(',').filter((c) => known.has(c));
    // Dataset order, no duplicates; all of them is the same as no filter.
    const shown = ctx.categories.filter((c) => wanted.includes(c)) as CategoryId[];
    s.categories = shown.length === ctx.categories.length ? null : shown;
  }
  s.from = year(p.get('from'));
  s.to = year(p.get('to'));
  if (s.from !== null && s.to !== null && s.from > s.to) [s.from, s.to] = [s.to, s.from];
  // `undated=0` (the old default's opposite) reads as the default now: undated left out of a year range.
  s.undated = p.get('undated') === '1';
  const region = p.get('region')?.trim();
  s.region = region ? region : null;
  s.nonGovernmental = oneOf(p.get('ngo'), FLAG_RULES, 'include');
  s.multilateral = oneOf(p.get('multi'), FLAG_RULES, 'include');
  s.status = STATUSES.find((v) => v === p.get('status')) ?? null;
  s.view = oneOf(p.get('view'), VIEWS, 'map');
  s.zoom = zoom(p.get('zoom'));
  const compare = (p.get('compare') ?? '')
    .split(',')
    .map((c) => countryCode(c))
    .filter((c): c is CountryCode => c !== null);
  s.compare = [...new Set(compare)].slice(0, MAX_COMPARE);
  s.query = p.get('q') ?? '';
  const sort = p.get('sort') ?? '';
  const descending = sort.startsWith('-');
  const key = SORT_KEYS.find((k) => k === (descending ? sort.slice(1) : sort));
  if (key !== undefined) s.sort = { key, descending };
  s.embed = p.get('embed') === '1' || p.get('embed') === 'true';
  return s;
}
