import { countryName } from './countries/index.ts';
import { formatPartialIso } from './partialDate.ts';
import type { Category, Flags, PartialDate, Source } from './schemas.ts';

// How a change reads to a researcher (the CLI's import report and the editor's preview): country names, the
// category's label, and each field's value as the sheet shows it ("Aug 2015", not {year: 2015, month: 8}).

const MAX_TEXT = 80;

/** A category id → its short label (the id itself when the dataset does not know it). */
export function categoryNamer(
  categories: ReadonlyArray<Pick<Category, 'id' | 'shortLabel'>>,
): (id: string) => string {
  const byId = new Map(categories.map((c) => [c.id as string, c.shortLabel]));
  return (id) => byId.get(id) ?? id;
}

/** "Germany", "France + Germany". */
export function partnerNames(partners: readonly string[]): string {
  return partners.map((p) => countryName(p)).join(' + ');
}

/** A partial date as written, or its ISO form when no text was kept; "no date" when there is none. */
export function dateText(d: PartialDate | null | undefined): string {
  if (!d) return 'no date';
  return d.text || formatPartialIso(d) || 'no date';
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
}

function sourceText(s: Source): string {
  let t = s.url;
  if (s.title !== '') t += ` “${clip(s.title)}”`;
  if (s.archivedUrl !== null) t += ` (archived: ${s.archivedUrl})`;
  return t;
}

const FLAG_NAMES: Record<keyof Flags, string> = {
  nonGovernmental: 'non-governmental',
  multilateral: 'multilateral',
  mentionsOnly: 'mentions only',
};

/** One field's value, readable: `field` is a key of AgreementContent / NoteContent (as in an import's diff). */
export function fieldValueText(field: string, value: unknown, category: (id: string) => string): string {
  if (value === null || value === undefined) return '(none)';
  switch (field) {
    case 'date':
      return dateText(value as PartialDate);
    case 'partners':
    case 'country':
      return partnerNames(Array.isArray(value) ? (value as string[]) : [String(value)]);
    case 'category':
      return category(String(value));
    case 'sources': {
      const list = value as Source[];
      return list.length === 0 ? '(none)' : list.map(sourceText).join(', ');
    }
    case 'flags': {
      const f = value as Flags;
      const on = (Object.keys(FLAG_NAMES) as Array<keyof Flags>)
        .filter((k) => f[k])
        .map((k) => FLAG_NAMES[k]);
      return on.length === 0 ? '(none)' : on.join(', ');
    }
    default: {
      const s = typeof value === 'string' ? value : JSON.stringify(value);
      return s === '' ? '(empty)' : clip(s);
    }
  }
}
