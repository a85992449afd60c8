import type { Flags } from '../../core/schemas.ts';

// The seed's researchers wrote flags into the comment text. These rules read them back; they are deliberately
// simple, and documented in docs/formats.md:
// - nonGovernmental: the comment starts with "Non-governmental" (any case, "non governmental" too) then ":" or "-";
// - multilateral: the comment starts with "MULTILATERAL" (any case);
// - mentionsOnly: the comment says the topic is only mentioned: the words "mentioned", "mentions" or
//   "no mention of" anywhere.

const NON_GOVERNMENTAL = /^\s*non[-\s]?governmental\s*[:\-–—]/i;
const MULTILATERAL = /^\s*multilateral\b/i;
const MENTIONS_ONLY = /\b(?:mentioned|mentions|no mention of)\b/i;

export const NO_FLAGS: Readonly<Flags> = Object.freeze({
  nonGovernmental: false,
  multilateral: false,
  mentionsOnly: false,
});

export function flagsFromComment(comment: string): Flags {
  return {
    nonGovernmental: NON_GOVERNMENTAL.test(comment),
    multilateral: MULTILATERAL.test(comment),
    mentionsOnly: MENTIONS_ONLY.test(comment),
  };
}

// Something that is meant as a link: a scheme with "//", a scheme that must be refused, or a bare "www." host.
const LEADING_URL = /^((?:[a-z][a-z0-9+.-]*:\/\/|javascript:|data:|vbscript:|www\.)\S+)(?:\s+|$)/i;

/** Splits URLs written at the start of a comment ("http://… No agreements on …") from the text after them. */
export function leadingUrls(comment: string): { urls: string[]; text: string } {
  const urls: string[] = [];
  let rest = comment.trim();
  for (;;) {
    const m = LEADING_URL.exec(rest);
    if (!m) break;
    urls.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return { urls, text: rest.trim() };
}
