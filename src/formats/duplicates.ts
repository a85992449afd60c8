import { countryName } from '../core/countries/index.ts';
import type { IncomingAgreement } from '../core/diff.ts';
import { agreementIdentity } from '../core/identity.ts';
import type { Problems } from './problems.ts';

// Without ids, an agreement is known by (category, partners, first source URL). Two records with the same key in
// one file would be matched to one stored record on the next import, so the researcher hears about it now.

export function reportDuplicateAgreements(
  agreements: readonly IncomingAgreement[],
  lines: ReadonlyArray<number | null>,
  problems: Problems,
): void {
  const firstLine = new Map<string, number | null>();
  agreements.forEach((a, i) => {
    if (a.id !== undefined) return;
    const key = agreementIdentity(a);
    const line = lines[i] ?? null;
    if (!firstLine.has(key)) {
      firstLine.set(key, line);
      return;
    }
    const other = firstLine.get(key);
    const partners = a.partners.map((p) => countryName(p)).join(', ');
    const url = a.sources[0]?.url;
    problems.warn(
      line,
      null,
      `the same agreement as line ${other ?? '?'} (category "${a.category}", ${partners}, ${url ? `first source ${url}` : 'no source'}); ` +
        'if they are different agreements, give each its own first source URL, otherwise remove one',
    );
  });
}
