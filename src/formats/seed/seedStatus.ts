import { type Status, StatusSchema } from '../../core/schemas.ts';
import { looseWords } from '../cells.ts';

// A seed sheet's "Status" column is written by hand: "In force", "in-force", "SIGNED", "Under negotiation".
// Words are matched loosely; anything else is an error that lists the allowed values.

/** Header texts that name the status column (whole words, loosely). */
export const STATUS_HEADERS: readonly string[] = ['status', 'agreement status'];

const SYNONYMS: Readonly<Record<string, Status>> = {
  'in force': 'in-force',
  'entered into force': 'in-force',
  active: 'in-force',
  signed: 'signed',
  terminated: 'terminated',
  expired: 'terminated',
  'under negotiation': 'under-negotiation',
  negotiating: 'under-negotiation',
  'in negotiation': 'under-negotiation',
  unknown: 'unknown',
};

/** The status a cell names, 'unknown' for an empty cell, or null when the text names none. */
export function looseStatus(text: string): Status | null {
  const words = looseWords(text);
  if (words === '') return 'unknown';
  return SYNONYMS[words] ?? null;
}

export const ALLOWED_STATUS_TEXT = `${StatusSchema.options.map((s) => `"${s}"`).join(', ')} (any case; "In force" is in-force), or leave it empty`;
