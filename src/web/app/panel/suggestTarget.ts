import type { Dataset } from '../../../core/schemas.ts';
import { messages as t } from '../../text.ts';

// Where "Suggest a correction" goes. The live server (and a bake given ATLAS_SUGGEST_URL) names its
// suggestions endpoint in <meta name="atlas-suggest">; then the page shows the form. Otherwise readers write
// to the researchers: an e-mail address found in the credits, else the publisher's page.

export type SuggestTarget =
  | { kind: 'form'; endpoint: string }
  | { kind: 'link'; href: string; label: string }
  | { kind: 'none' };

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;

export function suggestTarget(dataset: Pick<Dataset, 'credits' | 'sourceUrl' | 'title'>): SuggestTarget {
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="atlas-suggest"]');
  const endpoint = meta?.getAttribute('content');
  if (endpoint) return { kind: 'form', endpoint };
  const email = dataset.credits
    .map((c) => EMAIL.exec(`${c.name} ${c.role}`)?.[0])
    .find((e) => e !== undefined);
  if (email) {
    const subject = encodeURIComponent(`Correction: ${dataset.title}`);
    return { kind: 'link', href: `mailto:${email}?subject=${subject}`, label: t.suggest.mailto };
  }
  const page =
    dataset.credits.find((c) => /publish/i.test(c.role) && c.url)?.url ??
    dataset.credits.find((c) => c.url)?.url ??
    dataset.sourceUrl;
  return page ? { kind: 'link', href: page, label: t.suggest.contact } : { kind: 'none' };
}
