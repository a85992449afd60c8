import { countryName } from '../core/countries/index.ts';
import { formatPartialIso } from '../core/partialDate.ts';
import type { Category, PartialDate, Source } from '../core/schemas.ts';
import { t } from './text.ts';

// A field's stored value as a researcher reads it: countries by name, a date as written, sources as their web
// addresses, flags and statuses in words. The history's before → after uses it.

const FLAG_LABELS = {
  nonGovernmental: t.fields.nonGovernmental,
  multilateral: t.fields.multilateral,
  mentionsOnly: t.fields.mentionsOnly,
} as const;

/** The name of a field in the interface ("date", "partners" …), for the history and messages. */
export function fieldName(field: string): string {
  if (field === 'flags') return t.flags;
  if (field === 'country') return t.noteCountry;
  if (field === 'text') return t.noteText;
  const label = (t.fields as Record<string, unknown>)[field];
  return typeof label === 'string' ? label : field;
}

function dateText(d: PartialDate): string {
  if (d.text) return d.text;
  return d.year === null ? t.undated : formatPartialIso(d);
}

export function formatFieldValue(
  field: string,
  value: unknown,
  categories: readonly Pick<Category, 'id' | 'label'>[] = [],
): string {
  if (value === null || value === undefined || value === '') return t.empty;
  switch (field) {
    case 'partners':
      return Array.isArray(value) && value.length > 0
        ? value.map(String).map(countryName).join(', ')
        : t.empty;
    case 'country':
      return countryName(String(value));
    case 'date':
      return dateText(value as PartialDate);
    case 'sources':
      return Array.isArray(value) && value.length > 0
        ? (value as Source[]).map((s) => (typeof s === 'string' ? s : s.url)).join('\n')
        : t.empty;
    case 'flags': {
      const on = Object.entries(value as Record<string, boolean>)
        .filter(([, v]) => v)
        .map(([k]) => FLAG_LABELS[k as keyof typeof FLAG_LABELS] ?? k);
      return on.length > 0 ? on.join(', ') : t.empty;
    }
    case 'status':
      return t.statuses[String(value)] ?? String(value);
    case 'category':
      return categories.find((c) => c.id === value)?.label ?? String(value);
    default:
      return typeof value === 'string'
        ? value
        : typeof value === 'boolean'
          ? value
            ? t.yes
            : t.no
          : JSON.stringify(value);
  }
}
