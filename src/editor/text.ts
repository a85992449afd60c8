// Every word of the editor's interface, in one place (ready for translation), with Intl for numbers and dates.

const nf = new Intl.NumberFormat('en');
const dtf = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export const formatNumber = (n: number): string => nf.format(n);
export const formatTime = (iso: string): string => dtf.format(new Date(iso));
const plural = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

export const t = {
  appTitle: 'Accord Atlas editor',
  loading: 'Loading…',
  loginTitle: 'Log in to edit',
  loginHint: 'Ask an administrator for an account (atlas user add on the server).',
  email: 'E-mail',
  password: 'Password',
  logIn: 'Log in',
  loggingIn: 'Logging in…',
  logOut: 'Log out',
  loggedInAs: (email: string, role: string) => `${email} (${role})`,
  publicMap: 'Open the public map',
  tabs: {
    records: 'Records',
    notes: 'Research notes',
    changes: 'Recent changes',
    import: 'Import a spreadsheet',
    publish: 'Publish',
    dataset: 'Dataset',
    users: 'Users',
  },
  datasetTitle: 'What readers see',
  datasetHint:
    'The title, description, citation and source of the dataset, and how each category is named and coloured on the map. Keep colours distinct for colour-blind readers. The map shows a change at once.',
  datasetFields: {
    title: 'Title',
    description: 'Description',
    citation: 'How to cite',
    sourceUrl: 'Original publication (web address; empty: no link)',
    dataAsOf: 'Data as of (YYYY, YYYY-MM or YYYY-MM-DD; empty: the latest agreement’s month)',
    boundaries: 'Map boundaries',
    boundaryViews: { 'de-facto': 'De facto (as administered today)', IN: 'India’s official view' } as Record<
      string,
      string
    >,
    category: (id: string) => `Category "${id}"`,
    label: 'Name',
    shortLabel: 'Short name (for narrow screens)',
    color: 'Colour',
  },
  changesTitle: 'Recent changes',
  changeWhen: 'When',
  changeWho: 'Who',
  changeWhat: 'What',
  changeWhy: 'Why',
  changeDataset: 'the dataset configuration',
  changeNote: (country: string) => `research note on ${country}`,
  dataset: 'Dataset',
  search: 'Search records',
  searchPlaceholder: 'Country, summary, source…',
  newRecord: 'New record',
  firstRows: (n: number) => `Showing the first ${formatNumber(n)}; search to find the others.`,
  recordCount: (shown: number, all: number) =>
    shown === all
      ? plural(all, 'record', 'records')
      : `${formatNumber(shown)} of ${plural(all, 'record', 'records')}`,
  columns: { country: 'Partners', category: 'Category', date: 'Date', summary: 'Summary' },
  undated: 'Date unknown',
  noSummary: '—',
  edit: (name: string) => `Edit: ${name}`,
  create: 'New record',
  fields: {
    category: 'Category',
    partners: 'Partner countries',
    partnersHint: 'Names or ISO codes, separated by commas (e.g. "Singapore, JP")',
    date: 'Date',
    dateHint: 'As precise as known: "2015", "Aug 2015" or "2015-08-14"; empty when unknown',
    title: 'Title',
    summary: 'Summary',
    sources: 'Sources',
    sourcesHint: 'One web address per line (https://…)',
    nonGovernmental: 'Non-governmental',
    multilateral: 'Multilateral',
    mentionsOnly: 'Only mentions the topic',
    status: 'Status',
  },
  statuses: {
    unknown: 'Unknown',
    signed: 'Signed',
    'in-force': 'In force',
    terminated: 'Terminated',
    'under-negotiation': 'Under negotiation',
  } as Record<string, string>,
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved. The public map shows it now.',
  created: 'Added. The public map shows it now.',
  deleteRecord: 'Delete',
  confirmDelete: 'Delete this record? Its history is kept, and it can be brought back from there.',
  deleted: 'Deleted.',
  cancel: 'Close',
  stale:
    'Someone else changed this record since you opened it. Your edits are kept below; reload to see theirs.',
  reload: 'Load their version',
  fixFields: 'Some fields need attention:',
  history: 'History',
  noHistory: 'No changes recorded yet.',
  undo: 'Undo this change',
  undone: 'Undone: the record is as it was before that change.',
  actions: { create: 'created', update: 'changed', delete: 'deleted', revert: 'restored' } as Record<
    string,
    string
  >,
  importTitle: 'Import a spreadsheet',
  importHint:
    'The file becomes the dataset: records missing from it are removed. The seed layout (.txt, .tsv, .csv, .xlsx), the normalized CSV/XLSX and the JSON document are read. You see what would change before anything is written.',
  chooseFile: 'Spreadsheet file',
  checking: 'Reading the file…',
  wouldChange: 'If you import this file:',
  changedNow: 'Imported:',
  summary: (r: { added: number; changed: number; removed: number; unchanged: number }) =>
    `${formatNumber(r.added)} added, ${formatNumber(r.changed)} changed, ${formatNumber(r.removed)} removed, ${formatNumber(r.unchanged)} unchanged`,
  apply: 'Import it',
  applying: 'Importing…',
  fileErrors: (n: number) =>
    `${plural(n, 'error', 'errors')} in the file: nothing can be imported until they are fixed.`,
  fileWarnings: (n: number) => plural(n, 'warning', 'warnings'),
  at: (line: number | null, column: string | null) =>
    [line === null ? '' : `line ${line}`, column ? `column "${column}"` : ''].filter(Boolean).join(', '),
  changedFields: (id: string, fields: string[]) => `${id}: ${fields.join(', ')}`,
  removedRecords: (n: number) => `${plural(n, 'record', 'records')} would be removed (not in the file)`,
  noteCount: (n: number) => plural(n, 'research note', 'research notes'),
  notesHint: 'What was looked for and not found, and caveats: shown in the country panel of the map.',
  newNote: 'New note',
  noteCountry: 'Country',
  noteText: 'Note',
  publishTitle: 'Publish the static copy',
  publishHint:
    'The live map already shows every change. Publishing also writes the whole site as static files (the same as atlas bake) for a plain static host.',
  lastPublished: (when: string) => `last published ${when}`,
  neverPublished: 'not published yet',
  publishOff:
    'Publishing is not set up on this server: the operator sets ATLAS_PUBLISH_DIR (and ATLAS_SITE_URL) and restarts it.',
  publish: 'Publish now',
  publishing: 'Publishing…',
  published: (files: string, kb: string) => `Published: ${files} files (${kb} KB compressed).`,
  users: 'Users',
  addUser: 'Add a user',
  role: 'Role',
  roles: { editor: 'Editor', admin: 'Administrator' } as Record<string, string>,
  userAdded: (email: string) => `${email} can now log in.`,
  added: 'Added',
};
