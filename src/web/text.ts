import type { PartialDate } from '../core/schemas.ts';

// Every word the reader sees comes from here, so a translation is one new `Messages` object and a locale.
// Numbers, dates and lists go through Intl; plural forms through Intl.PluralRules (never `n === 1`).
// Dataset-specific words (title, category labels, descriptions) come from the dataset configuration instead.

export const LOCALE = 'en';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Intl.PluralRules(LOCALE);
const numberFormat = new Intl.NumberFormat(LOCALE);
const listFormat = new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' });
const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'long', timeZone: 'UTC' });
const yearFormat = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', timeZone: 'UTC' });
const unitListFormat = new Intl.ListFormat(LOCALE, { style: 'short', type: 'unit' });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Picks the plural form for `n` and puts the formatted number where the form has `#`. */
export function plural(n: number, forms: PluralForms): string {
  const form = forms[pluralRules.select(n)] ?? forms.other;
  return form.replace('#', formatNumber(n));
}

export function formatList(items: readonly string[]): string {
  return listFormat.format(items);
}

/** A partial date as precise as it is known: "14 August 2015", "August 2015", "2015"; '' when unknown. */
export function formatPartialDate(d: PartialDate): string {
  if (d.year === null) return '';
  if (d.month === null) return yearFormat.format(Date.UTC(d.year, 0, 1));
  if (d.day === null) return monthFormat.format(Date.UTC(d.year, d.month - 1, 1));
  return dayFormat.format(Date.UTC(d.year, d.month - 1, d.day));
}

/** An ISO timestamp as a calendar date ("25 November 2026"); the raw text if it cannot be read. */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dayFormat.format(t);
}

/**
 * English only: the singular of a plural category label for a count of one ("MoUs / Joint Statements" ->
 * "MoU / Joint Statement", "Cyber Frameworks" -> "Cyber Framework"; "MLAT" stays). A translation brings its own.
 */
export function singularLabel(label: string): string {
  return label.replace(/\b([A-Za-z]{2,}[A-RT-Za-rt-z])s\b/g, (_, stem: string) => stem);
}

/** "1 MLAT", "2 MoUs / Joint Statements". */
export function countOf(label: string, n: number): string {
  return plural(n, { one: `# ${singularLabel(label)}`, other: `# ${label}` });
}

export type FlagRuleLabel = 'include' | 'exclude' | 'only';
export type StatusKey = 'unknown' | 'signed' | 'in-force' | 'terminated' | 'under-negotiation';

export const messages = {
  skipToMap: 'Skip to the map',
  skipToTable: 'Skip to the list of agreements',
  loading: 'Loading the map…',
  dataError: 'This page could not read its data. Reload the page; if this persists, tell the site operator.',
  /** Freshness line labels, followed by the date: "Data as of March 2017", "Latest agreement: March 2017". */
  dataAsOf: 'Data as of',
  latestAgreement: 'Latest agreement:',
  embed: 'Embed',
  download: 'Download',
  cite: 'Cite',
  copyLink: 'Copy link',
  copied: 'Copied to the clipboard',
  copyFailed: 'Could not copy; select the text and copy it yourself',
  copiedShort: 'Copied',
  copyFailedShort: 'Not copied: select and copy by hand',
  close: 'Close',

  legendLabel: 'Categories: press a card to show or hide it on the map',
  cardUnit: (rule: 'partners' | 'records', n: number): string =>
    rule === 'partners'
      ? plural(n, { one: 'partner country', other: 'partner countries' })
      : plural(n, { one: 'agreement', other: 'agreements' }),
  cardHidden: 'hidden',
  summaryLine: (partners: number, agreements: number): string =>
    `${plural(partners, { one: '# partner country', other: '# partner countries' })} · ${plural(agreements, {
      one: '# agreement',
      other: '# agreements',
    })}`,
  ofTotal: (total: number): string => `of ${formatNumber(total)}`,
  announceCount: (agreements: number, partners: number): string =>
    `${plural(agreements, { one: '# agreement', other: '# agreements' })} with ${plural(partners, {
      one: '# country',
      other: '# countries',
    })} shown`,

  filtersLabel: 'Filters',
  searchLabel: 'Find a country',
  searchPlaceholder: 'Search a country…',
  searchNoMatch: (q: string): string => `No country matches “${q}”`,
  searchCount: (n: number): string => plural(n, { one: '# suggestion', other: '# suggestions' }),
  searchOptionCount: (n: number): string =>
    n === 0 ? 'no agreements' : plural(n, { one: '# agreement', other: '# agreements' }),
  regionLabel: 'Region',
  regionAll: 'All regions',
  statusLabel: 'Status',
  statusAll: 'Any status',
  flagNonGovernmental: 'Non-governmental',
  flagMultilateral: 'Multilateral',
  flagRule: { include: 'Included', exclude: 'Excluded', only: 'Only these' } satisfies Record<
    FlagRuleLabel,
    string
  >,
  resetFilters: 'Reset filters',
  showing: (parts: readonly string[]): string =>
    parts.length === 0 ? 'Showing: every agreement' : `Showing: ${parts.join(', ')}`,
  showingOnly: (labels: readonly string[]): string => `${unitListFormat.format(labels)} only`,
  showingNone: 'no category',
  showingRegion: (region: string): string => `region ${region}`,
  showingUndatedOut: 'undated agreements left out',
  showingUndatedApart: 'undated agreements shown apart',
  showingFlag: (flag: string, rule: 'exclude' | 'only'): string =>
    rule === 'only' ? `${flag.toLowerCase()} agreements only` : `no ${flag.toLowerCase()} agreements`,
  printCitation: 'Cite as',
  filtersToggle: (active: number): string => (active === 0 ? 'Filters' : `Filters (${formatNumber(active)})`),

  timelineLabel: 'Signing year',
  timelineFrom: 'From year',
  timelineTo: 'To year',
  timelineRange: (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`),
  play: 'Play the timeline',
  pause: 'Pause the timeline',
  undatedToggle: 'Show them apart (outlined, never coloured as dated)',
  undatedWhilePlaying: 'Undated agreements stay off the map while the timeline plays',
  undatedLeftOut: (n: number): string =>
    `${plural(n, { one: '# undated agreement is', other: '# undated agreements are' })} left out of these years.`,
  undatedApart: (n: number): string =>
    `${plural(n, { one: '# undated agreement is', other: '# undated agreements are' })} shown apart: countries with only undated ones are outlined and hatched.`,
  /** `parts` is e.g. ["all MLAT", "some MoUs / Joint Statements"]. */
  undatedNote: (parts: readonly string[]): string =>
    parts.length === 0
      ? 'Every agreement has a signing date.'
      : `Undated agreements (${parts.join(', ')}) are counted at the full span of years; a narrower range leaves them out.`,
  undatedAll: (label: string): string => `all ${label}`,
  undatedSome: (label: string): string => `some ${label}`,

  viewLabel: 'View',
  viewMap: 'Map',
  viewTable: 'Table',

  mapLabel: (title: string): string => `World map: ${title}`,
  map: {
    /** Joins a country's counts: "1 MLAT, 2 MoUs / Joint Statements". */
    list: (parts: readonly string[]): string => unitListFormat.format(parts),
    named: (name: string, description: string): string => `${name}: ${description}`,
    undated: (list: string): string => `undated: ${list}`,
    notes: 'research notes, no agreements',
    others: (n: number, focal: string | null): string =>
      `${focal ? `${focal} (focal country) and ` : ''}${n} other countries and territories: no agreements`,
    focal: 'focal country',
    disputed: 'disputed area',
    none: 'no agreements',
    name: 'World map of agreements',
    instructions:
      'Left and Right arrows go through the countries with agreements or research notes in alphabetical order, Up and Down to the nearest one north or south; Enter opens one, Escape closes it; plus and minus zoom.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Reset zoom',
    legendFocal: (name: string): string => `${name} (focal country)`,
    legendDisputed: 'Disputed area',
    comboHeading: 'Colours on the map: each combination of categories has its own',
    comboHint: 'Point at or focus a combination to pick out its countries.',
    comboName: (labels: readonly string[]): string =>
      labels.length === 1 ? `${labels[0]} only` : labels.join(' + '),
    comboUndated: 'Undated agreements only (outlined)',
    comboCount: (n: number): string => plural(n, { one: '# country', other: '# countries' }),
    loadFailed: 'The map could not be loaded. The table view lists every agreement.',
    missing: (names: string): string => `Not drawn on the map: ${names}.`,
  },
  mapPlaceholder: 'The map is loading. The table view lists every agreement.',
  focalCountry: (name: string): string => `${name} (the focal country)`,

  panelLabel: (country: string): string => `Agreements with ${country}`,
  panelEmpty: (focal: string): string => `No agreements with ${focal} are recorded for this country.`,
  panelHiddenByFilters: 'Outside the current filters',
  panelNotes: 'Research notes',
  permalink: 'Copy a link to this country',
  compareAdd: 'Compare',
  dateUnknown: 'Date unknown',
  dateAsWritten: (text: string): string => `written as “${text}”`,
  sources: 'Sources',
  sourceFallback: (n: number): string => `Source ${formatNumber(n)}`,
  archivedCopy: 'archived copy',
  sourceBroken: (status: number): string =>
    status === 0 ? 'link broken (no answer)' : `link broken (HTTP ${status})`,
  sourceChecked: (date: string): string => `checked ${date}`,
  suggest: {
    button: 'Suggest a correction',
    title: 'Suggest a correction',
    intro: 'Tell the researchers what is wrong or missing: a new agreement, a wrong date, a dead link.',
    what: 'What should be corrected?',
    source: 'Source URL (optional)',
    email: 'Your e-mail (optional; only the researchers see it, to ask you about it)',
    honeypot: 'Leave this empty',
    send: 'Send',
    sending: 'Sending…',
    thanks: 'Thank you. The researchers will look at it.',
    tooShort: 'Write at least 10 characters.',
    failed: (why: string): string => `Not sent: ${why}`,
    later: (minutes: number): string =>
      `Too many suggestions from your address; try again in ${minutes} minutes.`,
    mailto: 'Suggest a correction by e-mail',
    contact: 'Suggest a correction to the publisher',
    loading: 'Loading the form…',
  },
  newTab: '(opens in a new tab)',
  badgeNonGovernmental: 'Non-governmental',
  badgeMultilateral: 'Multilateral',
  badgeMentionsOnly: 'Topic mentioned among others',
  withPartners: (names: string): string => `With ${names}`,
  status: {
    unknown: 'Status unknown',
    signed: 'Signed',
    'in-force': 'In force',
    terminated: 'Expired or terminated',
    'under-negotiation': 'Under negotiation',
  } satisfies Record<StatusKey, string>,

  tableCaption: (shown: number, total: number): string =>
    shown === total
      ? `All ${plural(total, { one: '# agreement', other: '# agreements' })}`
      : `${formatNumber(shown)} of ${plural(total, { one: '# agreement', other: '# agreements' })}`,
  tableSearch: 'Search the table',
  tableSearchPlaceholder: 'Words in summaries, sources, countries…',
  tableEmpty: 'No agreement matches these filters.',
  columns: {
    country: 'Country',
    category: 'Category',
    date: 'Date',
    summary: 'Summary',
    sources: 'Sources',
  },
  sortBy: (column: string): string => `Sort by ${column}`,
  openCountry: (name: string): string => `Open ${name}`,

  chartTitle: 'Agreements per year',
  chartDescription: (from: number, to: number): string =>
    `Dated agreements signed each year from ${from} to ${to}, stacked by category.`,
  chartAsTable: 'Show the numbers as a table',
  chartYear: 'Year',
  chartTotal: 'Total',
  chartUndated: (n: number): string =>
    n === 0
      ? ''
      : `${plural(n, { one: '# undated agreement is', other: '# undated agreements are' })} not in the chart.`,
  chartEmpty: 'No dated agreements in the current selection.',

  compareTitle: 'Compare countries',
  compareIntro: 'Put up to three countries side by side.',
  compareSearch: 'Add a country to compare',
  compareFull: 'Three countries are the most that fit side by side; remove one to add another.',
  compareRemoveNamed: (name: string): string => `Remove ${name} from the comparison`,
  compareTotal: 'All categories',

  glossaryTitle: 'Glossary and counting rules',
  countRule: (rule: 'partners' | 'records', label: string): string =>
    rule === 'partners'
      ? `The “${label}” number counts partner countries that have at least one.`
      : `The “${label}” number counts agreements (records).`,
  partnersRule: (focal: string): string =>
    `Partner countries are the countries other than ${focal} with at least one agreement of any category.`,
  filtersRule:
    'Every number on this page follows the filters you choose; a hidden category keeps its card so you can bring it back.',

  citeTitle: 'How to cite',
  citeAccessed: (date: string): string => `Accessed ${date}.`,
  copyCitation: 'Copy the citation',
  citeVersion: (n: number, date: string): string => `Version ${n} (published ${date}).`,
  downloadBibtex: 'BibTeX',
  downloadRis: 'RIS',
  citeDownloads: 'Download the citation:',

  versionLine: (n: number): string => `Version ${n}`,
  versionPublished: 'published',
  changeLog: 'What changed',
  latestVersion: 'The latest version',
  frozenVersion: 'This version never changes.',

  creditsTitle: 'Credits and licence',
  licence: (name: string): string => `The data are shared under the ${name} licence.`,
  licenceShort: (name: string): string => `Licence: ${name}`,
  sourceLink: 'Original publication',
  geometryCredit: 'Map outlines: Natural Earth (public domain).',
  boundaryTitle: 'Boundaries',
  /** What the map's boundaries are, in plain words, for a view: 'de-facto' or a country's name. */
  boundaryView: (view: string, country: string): string =>
    view === 'de-facto'
      ? 'The map shows de facto boundaries (Natural Earth), as administered today.'
      : `Boundaries are shown as ${country} officially claims them${view === 'IN' ? ' (all of Jammu and Kashmir and Ladakh, Aksai Chin included)' : ''}; de facto boundaries are one setting away.`,
  boundaryNote:
    'Borders and names imply no opinion on the legal status of any territory. Disputed areas drawn on their own are hatched grey.',

  embedTitle: 'Embed this map',
  embedIntro:
    'Paste this code into your page. The frame follows the filters below as they are now; the optional script lets it grow to fit its content.',
  embedCode: 'Frame code',
  embedScript: 'Height script (optional)',
  copyCode: 'Copy the code',
  shareLink: 'Link to this view',
  openFull: 'Open the full map',
  iframeTitle: (title: string): string => title,

  downloadTitle: 'Download',
  downloadIntro: (n: number): string =>
    `The data follow the current filters: ${plural(n, { one: '# agreement', other: '# agreements' })}.`,
  downloadData: 'Data',
  downloadImages: 'Map image',
  downloadCsv: 'CSV',
  downloadXlsx: 'Excel (XLSX)',
  downloadJson: 'JSON',
  downloadGeoJson: 'GeoJSON',
  downloadSvg: 'SVG',
  downloadPng: 'PNG',
  downloadBusy: 'Preparing the file…',
  downloadDone: (file: string): string => `Saved ${file}`,
  downloadFailed: (reason: string): string =>
    `The download failed (${reason}). Try again or pick another format.`,
  downloadNoMap: 'The map image is available once the map has loaded.',
  imageCredit: (licence: string, credit: string): string => `${credit} · ${licence}`,
} as const;

export type Messages = typeof messages;
