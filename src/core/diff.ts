import { agreementIdentity, makeAgreementId, makeNoteId, noteIdentity } from './identity.ts';
import type { AgreementId, NoteId } from './ids.ts';
import type { Agreement, AgreementContent, CountryNote, NoteContent, Source } from './schemas.ts';

// Importing a whole sheet means "this is the dataset now". This computes, without I/O, what that changes:
// records are matched by id when the file has ids, else by identity (category, partners, first source URL).

export type IncomingAgreement = AgreementContent & { id?: AgreementId };
export type IncomingNote = NoteContent & { id?: NoteId };

export type FieldChange = { field: string; before: unknown; after: unknown };

export type AgreementChange = {
  id: AgreementId;
  before: AgreementContent;
  after: AgreementContent;
  fields: FieldChange[];
};

/**
 * Which fields a file carries. A field a file does not carry keeps its stored value when the file's record
 * matches a stored one (a new record takes the parser's default). Category and partners are always carried:
 * without them a row is not a record. For notes, `summary` stands for the note's text.
 */
export type Carried = {
  title: boolean;
  date: boolean;
  summary: boolean;
  status: boolean;
  nonGovernmental: boolean;
  multilateral: boolean;
  mentionsOnly: boolean;
  /** The list of source URLs. */
  sources: boolean;
  /** Per source (matched by URL): its title, its archived copy, its link-check results. */
  sourceTitles: boolean;
  archivedUrls: boolean;
  linkChecks: boolean;
};

/** A file that carries every field (the JSON document; and planImport's default). */
export const CARRIES_ALL: Readonly<Carried> = Object.freeze({
  title: true,
  date: true,
  summary: true,
  status: true,
  nonGovernmental: true,
  multilateral: true,
  mentionsOnly: true,
  sources: true,
  sourceTitles: true,
  archivedUrls: true,
  linkChecks: true,
});

export type ImportPlan = {
  /** `index`: the record's place in the incoming list (for the report's line numbers). */
  added: Array<{ id: AgreementId; content: AgreementContent; index?: number }>;
  changed: AgreementChange[];
  removed: Array<{ id: AgreementId; before: AgreementContent }>;
  unchanged: number;
  notes: {
    added: Array<{ id: NoteId; content: NoteContent }>;
    changed: Array<{ id: NoteId; before: NoteContent; after: NoteContent; fields: FieldChange[] }>;
    removed: Array<{ id: NoteId; before: NoteContent }>;
    unchanged: number;
  };
};

// Copies are built as literals rather than with spreads: an import of 100,000 records copies each once, and
// literal objects of one shape are several times cheaper to make (and to read later) than spread clones.
function sourceCopy(s: Source): Source {
  const c: Source = {
    url: s.url,
    title: s.title,
    archivedUrl: s.archivedUrl,
    lastChecked: s.lastChecked,
    httpStatus: s.httpStatus,
  };
  // Only sources a link check followed to another address have one; absent stays absent (stable JSON).
  if (s.finalUrl !== undefined) c.finalUrl = s.finalUrl;
  return c;
}

export function agreementContent(a: AgreementContent): AgreementContent {
  const f = a.flags;
  return {
    category: a.category,
    partners: [...a.partners],
    title: a.title,
    date: { text: a.date.text, year: a.date.year, month: a.date.month, day: a.date.day },
    summary: a.summary,
    sources: a.sources.map(sourceCopy),
    flags: { nonGovernmental: f.nonGovernmental, multilateral: f.multilateral, mentionsOnly: f.mentionsOnly },
    status: a.status,
  };
}

export function noteContent(n: NoteContent): NoteContent {
  return { country: n.country, text: n.text, sources: n.sources.map(sourceCopy) };
}

/**
 * The sources of a matched record: the file's URLs in the file's order; for a URL the record already has, what
 * the file does not carry (title, archived copy, link-check results) is the stored value. A copy of the stored
 * source is the base, so fields added to sources later are kept too.
 */
function mergeSources(incoming: readonly Source[], current: readonly Source[], c: Carried): Source[] {
  const out: Source[] = [];
  for (const s of incoming) {
    let old: Source | undefined;
    // Records have a few sources: a scan is cheaper than building a Map per record.
    for (const o of current) {
      if (o.url === s.url) {
        old = o;
        break;
      }
    }
    if (old === undefined) {
      out.push(sourceCopy(s));
      continue;
    }
    const m = sourceCopy(old);
    if (c.sourceTitles) m.title = s.title;
    if (c.archivedUrls) m.archivedUrl = s.archivedUrl;
    if (c.linkChecks) {
      m.lastChecked = s.lastChecked;
      m.httpStatus = s.httpStatus;
      if (s.finalUrl !== undefined) m.finalUrl = s.finalUrl;
      else delete m.finalUrl;
    }
    out.push(m);
  }
  return out;
}

/** The content a matched record gets: the file's carried fields over the stored record. */
function mergedAgreement(inc: AgreementContent, cur: AgreementContent, c: Carried): AgreementContent {
  const d = c.date ? inc.date : cur.date;
  const fi = inc.flags;
  const fc = cur.flags;
  return {
    category: inc.category,
    partners: [...inc.partners],
    title: c.title ? inc.title : cur.title,
    date: { text: d.text, year: d.year, month: d.month, day: d.day },
    summary: c.summary ? inc.summary : cur.summary,
    sources: c.sources ? mergeSources(inc.sources, cur.sources, c) : cur.sources.map(sourceCopy),
    flags: {
      nonGovernmental: c.nonGovernmental ? fi.nonGovernmental : fc.nonGovernmental,
      multilateral: c.multilateral ? fi.multilateral : fc.multilateral,
      mentionsOnly: c.mentionsOnly ? fi.mentionsOnly : fc.mentionsOnly,
    },
    status: c.status ? inc.status : cur.status,
  };
}

function mergedNote(inc: NoteContent, cur: NoteContent, c: Carried): NoteContent {
  return {
    country: inc.country,
    text: c.summary ? inc.text : cur.text,
    sources: c.sources ? mergeSources(inc.sources, cur.sources, c) : cur.sources.map(sourceCopy),
  };
}

/**
 * Deep equality of JSON-like values (records hold strings, numbers, booleans, null, arrays and plain objects).
 * Comparing in place instead of comparing JSON.stringify texts builds no strings: re-importing 100,000 records
 * compares each field of each once, and most are equal.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    n++;
    if (!sameValue(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) n--;
  return n === 0;
}

export function diffFields(before: object, after: object): FieldChange[] {
  const out: FieldChange[] = [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    if (!sameValue(b[key], a[key])) out.push({ field: key, before: b[key], after: a[key] });
  }
  return out;
}

export function planImport(
  current: { agreements: readonly Agreement[]; notes: readonly CountryNote[] },
  incoming: { agreements: readonly IncomingAgreement[]; notes: readonly IncomingNote[] },
  carries: Readonly<Carried> = CARRIES_ALL,
): ImportPlan {
  const byId = new Map<string, Agreement>(current.agreements.map((a) => [a.id, a]));
  const byIdentity = new Map<string, Agreement[]>();
  for (const a of current.agreements) {
    const k = agreementIdentity(a);
    const list = byIdentity.get(k);
    if (list) list.push(a);
    else byIdentity.set(k, [a]);
  }
  const matched = new Set<string>();
  const usedIds = new Set<string>(current.agreements.map((a) => a.id));
  const plan: ImportPlan = {
    added: [],
    changed: [],
    removed: [],
    unchanged: 0,
    notes: { added: [], changed: [], removed: [], unchanged: 0 },
  };

  for (let index = 0; index < incoming.agreements.length; index++) {
    const inc = incoming.agreements[index]!;
    let match: Agreement | undefined;
    if (inc.id !== undefined) {
      const m = byId.get(inc.id);
      if (m && !matched.has(m.id)) match = m;
    }
    // (A first import has nothing to match: the identity key is not even built.)
    if (!match && byIdentity.size > 0)
      match = byIdentity.get(agreementIdentity(inc))?.find((a) => !matched.has(a.id));
    if (match) {
      matched.add(match.id);
      // Compared with the stored record itself (diffFields reads only content keys); the copy of its state
      // before is made only for a change, so an unchanged record costs no copy.
      const content = mergedAgreement(inc, match, carries);
      const fields = diffFields(match, content);
      if (fields.length === 0) plan.unchanged++;
      else plan.changed.push({ id: match.id, before: agreementContent(match), after: content, fields });
    } else {
      const content = agreementContent(inc);
      let id = inc.id;
      if (id === undefined || usedIds.has(id)) {
        let n = 1;
        do id = makeAgreementId(content, n++);
        while (usedIds.has(id));
      }
      usedIds.add(id);
      matched.add(id);
      plan.added.push({ id, content, index });
    }
  }
  for (const a of current.agreements) {
    if (!matched.has(a.id)) plan.removed.push({ id: a.id, before: agreementContent(a) });
  }

  const notesById = new Map<string, CountryNote>(current.notes.map((n) => [n.id, n]));
  const notesByIdentity = new Map<string, CountryNote>(current.notes.map((n) => [noteIdentity(n), n]));
  const notesByCountry = new Map<string, CountryNote[]>();
  for (const n of current.notes) notesByCountry.set(n.country, [...(notesByCountry.get(n.country) ?? []), n]);
  const usedNoteIds = new Set<string>(current.notes.map((n) => n.id));
  const matchedNotes = new Set<string>();
  for (const inc of incoming.notes) {
    let match = inc.id !== undefined ? notesById.get(inc.id) : undefined;
    if (match && matchedNotes.has(match.id)) match = undefined;
    if (!match) {
      const m = notesByIdentity.get(noteIdentity(inc));
      if (m && !matchedNotes.has(m.id)) match = m;
    }
    // A country's only note edited in the sheet is a change to that note, not a new one.
    if (!match) {
      const candidates = (notesByCountry.get(inc.country) ?? []).filter((n) => !matchedNotes.has(n.id));
      if (candidates.length === 1 && incoming.notes.filter((n) => n.country === inc.country).length === 1) {
        match = candidates[0];
      }
    }
    if (match) {
      matchedNotes.add(match.id);
      const before = noteContent(match);
      const content = mergedNote(inc, before, carries);
      const fields = diffFields(before, content);
      if (fields.length === 0) plan.notes.unchanged++;
      else plan.notes.changed.push({ id: match.id, before, after: content, fields });
    } else {
      const content = noteContent(inc);
      let id = inc.id;
      if (id === undefined || usedNoteIds.has(id)) {
        let n = 1;
        do id = makeNoteId(content, n++);
        while (usedNoteIds.has(id));
      }
      usedNoteIds.add(id);
      matchedNotes.add(id);
      plan.notes.added.push({ id, content });
    }
  }
  for (const n of current.notes) {
    if (!matchedNotes.has(n.id)) plan.notes.removed.push({ id: n.id, before: noteContent(n) });
  }
  return plan;
}
