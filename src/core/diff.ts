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

export type ImportPlan = {
  added: Array<{ id: AgreementId; content: AgreementContent }>;
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
  return {
    url: s.url,
    title: s.title,
    archivedUrl: s.archivedUrl,
    lastChecked: s.lastChecked,
    httpStatus: s.httpStatus,
  };
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

// Link-check metadata (archived copy, last checked, HTTP status) is not the researcher's: a sheet without it
// keeps what the database knows about the same URL.
function carrySourceMeta(incoming: Source[], current: Source[]): Source[] {
  const byUrl = new Map(current.map((s) => [s.url, s]));
  return incoming.map((s) => {
    const old = byUrl.get(s.url);
    if (!old) return s;
    return {
      url: s.url,
      title: s.title,
      archivedUrl: s.archivedUrl ?? old.archivedUrl,
      lastChecked: s.lastChecked ?? old.lastChecked,
      httpStatus: s.httpStatus ?? old.httpStatus,
    };
  });
}

const stable = (v: unknown): string => JSON.stringify(v);

export function diffFields(before: object, after: object): FieldChange[] {
  const out: FieldChange[] = [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    if (stable(b[key]) !== stable(a[key])) out.push({ field: key, before: b[key], after: a[key] });
  }
  return out;
}

export function planImport(
  current: { agreements: readonly Agreement[]; notes: readonly CountryNote[] },
  incoming: { agreements: readonly IncomingAgreement[]; notes: readonly IncomingNote[] },
): ImportPlan {
  const byId = new Map<string, Agreement>(current.agreements.map((a) => [a.id, a]));
  const byIdentity = new Map<string, Agreement[]>();
  for (const a of current.agreements) {
    const k = agreementIdentity(a);
    byIdentity.set(k, [...(byIdentity.get(k) ?? []), a]);
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

  for (const inc of incoming.agreements) {
    let match: Agreement | undefined;
    if (inc.id !== undefined) {
      const m = byId.get(inc.id);
      if (m && !matched.has(m.id)) match = m;
    }
    // (A first import has nothing to match: the identity key is not even built.)
    if (!match && byIdentity.size > 0)
      match = byIdentity.get(agreementIdentity(inc))?.find((a) => !matched.has(a.id));
    const content = agreementContent(inc);
    if (match) {
      matched.add(match.id);
      const before = agreementContent(match);
      content.sources = carrySourceMeta(content.sources, before.sources);
      const fields = diffFields(before, content);
      if (fields.length === 0) plan.unchanged++;
      else plan.changed.push({ id: match.id, before, after: content, fields });
    } else {
      let id = inc.id;
      if (id === undefined || usedIds.has(id)) {
        let n = 1;
        do id = makeAgreementId(content, n++);
        while (usedIds.has(id));
      }
      usedIds.add(id);
      matched.add(id);
      plan.added.push({ id, content });
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
    const content = noteContent(inc);
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
      content.sources = carrySourceMeta(content.sources, before.sources);
      const fields = diffFields(before, content);
      if (fields.length === 0) plan.notes.unchanged++;
      else plan.notes.changed.push({ id: match.id, before, after: content, fields });
    } else {
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
