import type { AgreementId, NoteId } from './ids.ts';
import type { AgreementContent, NoteContent } from './schemas.ts';

// A sheet has no ids. An agreement is identified by (category, partners, first source URL), as DESIGN.md says;
// ids derived from that key are stable across imports of the same sheet.

/** 32-bit FNV-1a as 7 base-36 characters: a short, deterministic fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

export function agreementIdentity(a: Pick<AgreementContent, 'category' | 'partners' | 'sources'>): string {
  const partners = [...a.partners].sort().join('+');
  const url = a.sources[0]?.url ?? '';
  return `${a.category}|${partners}|${url}`;
}

export function makeAgreementId(
  a: Pick<AgreementContent, 'category' | 'partners' | 'sources'>,
  n = 1,
): AgreementId {
  const first = [...a.partners].sort()[0]?.toLowerCase() ?? 'xx';
  const base = `${a.category}-${first}-${fingerprint(agreementIdentity(a))}`;
  return (n > 1 ? `${base}-${n}` : base) as AgreementId;
}

export function noteIdentity(n: Pick<NoteContent, 'country' | 'text'>): string {
  return `${n.country}|${n.text}`;
}

export function makeNoteId(n: Pick<NoteContent, 'country' | 'text'>, ordinal = 1): NoteId {
  const base = `note-${n.country.toLowerCase()}-${fingerprint(noteIdentity(n))}`;
  return (ordinal > 1 ? `${base}-${ordinal}` : base) as NoteId;
}
