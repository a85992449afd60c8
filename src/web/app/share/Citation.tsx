import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { formatTimestamp, messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import type { PageVersion } from '../version.ts';
import { versionUrl } from '../version.ts';
import { CopyButton } from './CopyButton.tsx';
import { type CitationFacts, citationKey, toBibtex, toRis } from './citationFormats.ts';
import { saveText } from './saveFile.ts';

// The citation from the dataset configuration, with the version (its number, date and frozen address) when the
// dataset has been published, else the page address, and the date of access that citation styles ask for.
// Reference managers get the same facts as BibTeX and RIS downloads.

export function citationText(
  citation: string,
  url: string,
  today: Date,
  version?: PageVersion | null,
): string {
  const parts = [citation.trim()];
  if (version) parts.push(t.citeVersion(version.number, formatTimestamp(version.publishedAt)));
  if (url) parts.push(url);
  parts.push(t.citeAccessed(formatTimestamp(today.toISOString())));
  return parts.filter(Boolean).join(' ');
}

export function Citation(props: { testid: string }): JSX.Element {
  const { doc, pageUrl, version } = useAtlas();
  const url = version ? versionUrl(version.frozenHref, pageUrl) : pageUrl;
  const text = useMemo(
    () => citationText(doc.dataset.citation, url, new Date(), version),
    [doc, url, version],
  );
  const facts = (): CitationFacts => ({
    dataset: doc.dataset,
    version,
    // The page's address is known for certain only in the browser: resolve the frozen link against it.
    url: version
      ? versionUrl(version.frozenHref, pageUrl || window.location.href)
      : pageUrl || window.location.href,
    accessed: new Date(),
  });
  return (
    <div class="citation">
      <blockquote class="citation-text" data-testid={props.testid}>
        {text}
      </blockquote>
      <div class="citation-actions">
        <CopyButton
          text={() => text}
          label={t.copyCitation}
          testid={`${props.testid}-copy`}
          class="button button-small"
        />
        <span class="citation-downloads">{t.citeDownloads}</span>
        <button
          type="button"
          class="button button-small"
          data-testid={`${props.testid}-bibtex`}
          onClick={() => {
            const f = facts();
            saveText(toBibtex(f), 'application/x-bibtex', `${citationKey(f)}.bib`);
          }}
        >
          {t.downloadBibtex}
        </button>
        <button
          type="button"
          class="button button-small"
          data-testid={`${props.testid}-ris`}
          onClick={() => {
            const f = facts();
            saveText(toRis(f), 'application/x-research-info-systems', `${citationKey(f)}.ris`);
          }}
        >
          {t.downloadRis}
        </button>
      </div>
    </div>
  );
}
