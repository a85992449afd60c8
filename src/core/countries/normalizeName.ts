// One canonical spelling for country names, so that "St Pierre & Miquelon", "Saint Pierre and Miquelon",
// "Côte d'Ivoire" and "Cote d'Ivoire" compare equal. Both the index and every query go through here.

// Letters that NFKD does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  is: 'islands',
  isl: 'islands',
  isls: 'islands',
  islds: 'islands',
  rep: 'republic',
  repub: 'republic',
  dem: 'democratic',
  fed: 'federated',
};

// Words that carry no identity: "The Gambia" = "Gambia", "Bosnia & Herzegovina" = "Bosnia Herzegovina".
const STOPWORDS = new Set(['the', 'of', 'and']);

/** Lower case, accents and punctuation removed, "&" spelled out; words kept, abbreviations optionally expanded. */
export function canonicalTokens(text: string, expand = true): string[] {
  // Footnote marks ("Germany¹", "France†") are not part of a name.
  let s = text
    .replace(/[\u00B9\u00B2\u00B3\u2070-\u209F\u2020\u2021]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  s = s.replace(/[øæœßıłđðþ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
  s = s.replace(/['’‘`´ʼ]/g, '');
  // "U.S.A." and "D.R." are one word each, not single letters.
  s = s.replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''));
  s = s.replace(/[&+]/g, ' and ');
  const words = s.split(/[^a-z0-9]+/).filter((w) => w !== '');
  if (!expand) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    // "Fed. St." is "Federated States", not "Federated Saint"; "Fed. Rep." is "Federal Republic".
    if (w === 'fed' && (next === 'st' || next === 'sts')) {
      out.push('federated', 'states');
      i++;
    } else if (w === 'fed' && (next === 'rep' || next === 'republic')) {
      out.push('federal');
    } else {
      out.push(ABBREVIATIONS[w] ?? w);
    }
  }
  return out;
}

/** The comparison key of a name: canonical words without "the", "of", "and". */
export function normalizeName(text: string, expand = true): string {
  return canonicalTokens(text, expand)
    .filter((w) => !STOPWORDS.has(w))
    .join(' ');
}

/** "Korea, South" -> "South Korea"; undefined unless the text has exactly one comma. */
export function invertComma(text: string): string | undefined {
  const parts = text.split(',');
  if (parts.length !== 2) return undefined;
  const [head, tail] = parts as [string, string];
  if (head.trim() === '' || tail.trim() === '') return undefined;
  return `${tail.trim()} ${head.trim()}`;
}

export type Parenthesised = { outside: string; inside: string[] };

/** Splits "Congo (Kinshasa)" into the name outside the brackets and the qualifiers inside them. */
export function splitParentheses(text: string): Parenthesised | undefined {
  const inside: string[] = [];
  const outside = text.replace(/[([]([^)\]]*)[)\]]/g, (_m, inner: string) => {
    if (inner.trim() !== '') inside.push(inner.trim());
    return ' ';
  });
  if (outside === text) return undefined;
  return { outside: outside.replace(/\s+/g, ' ').trim(), inside };
}

// "Republic of ...", "Kingdom of the ...": the state form, which official names put before the short name.
const STATE_FORM =
  /^(?:[a-z]+ ){0,3}?(?:republic|kingdom|state|commonwealth|principality|sultanate|duchy|federation|union|emirate|emirates) of (?:the )?/;

/** The short name inside a formal name ("Federal Republic of Nigeria" -> "nigeria"), or undefined. */
export function stripStateForm(text: string): string | undefined {
  const canonical = canonicalTokens(text).join(' ');
  const stripped = canonical.replace(STATE_FORM, '');
  if (stripped === canonical || stripped === '') return undefined;
  return normalizeName(stripped);
}

/**
 * Keys to look a name up by, in tiers of falling confidence: the whole name, its comma-inverted form,
 * the qualifier moved to the front ("Sudan (South)" -> "South Sudan"), then the name and qualifiers
 * apart (the caller decides what to do when they disagree), then the short name inside a formal one.
 */
export function nameVariants(text: string): string[][] {
  const tiers: string[][] = [];
  const seen = new Set<string>();
  const add = (...texts: Array<string | undefined>): void => {
    const keys = texts
      .filter((t): t is string => t !== undefined)
      .map((t) => normalizeName(t))
      .filter((k) => k !== '' && !seen.has(k));
    for (const k of keys) seen.add(k);
    if (keys.length > 0) tiers.push([...new Set(keys)]);
  };
  add(text);
  add(invertComma(text));
  const parens = splitParentheses(text);
  if (parens !== undefined) {
    add(`${parens.inside.join(' ')} ${parens.outside}`);
    add(invertComma(parens.outside));
    add(parens.outside, ...parens.inside);
  }
  const inverted = invertComma(parens?.outside ?? text);
  add(stripStateForm(parens?.outside ?? text), inverted === undefined ? undefined : stripStateForm(inverted));
  return tiers;
}
