import type { DatasetDocument, PartialDate } from '../../core/schemas.ts';

// How recent the research is, which is not when it was published: the dataset's "data as of" setting, or,
// without one, the date of its latest dated agreement.

export type Freshness = {
  kind: 'dataAsOf' | 'latestAgreement';
  date: PartialDate;
  /** The machine-readable form for <time datetime>: YYYY, YYYY-MM or YYYY-MM-DD. */
  iso: string;
};

const pad = (n: number): string => String(n).padStart(2, '0');

function isoOf(d: PartialDate): string {
  if (d.year === null) return '';
  if (d.month === null) return String(d.year);
  return d.day === null ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** "2017", "2017-03" or "2017-03-14" (the schema has checked the form) as a partial date. */
export function partialDateOf(iso: string): PartialDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { text: iso, year: y ?? null, month: m ?? null, day: d ?? null };
}

const rank = (d: PartialDate): number => ((d.year ?? 0) * 13 + (d.month ?? 0)) * 32 + (d.day ?? 0);

export function freshnessOf(doc: Pick<DatasetDocument, 'dataset' | 'agreements'>): Freshness | null {
  const setting = doc.dataset.dataAsOf;
  if (setting) return { kind: 'dataAsOf', date: partialDateOf(setting), iso: setting };
  let latest: PartialDate | null = null;
  for (const a of doc.agreements) {
    if (a.date.year !== null && (latest === null || rank(a.date) > rank(latest))) latest = a.date;
  }
  if (latest === null) return null;
  // A month and year say how recent the research is; the day adds nothing here.
  const date = { ...latest, day: null };
  return { kind: 'latestAgreement', date, iso: isoOf(date) };
}
