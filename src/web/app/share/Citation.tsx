import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { formatTimestamp, messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { CopyButton } from './CopyButton.tsx';

// The citation from the dataset configuration, with the page address and the date of access that
// citation styles ask for.

export function citationText(citation: string, url: string, today: Date): string {
  const parts = [citation.trim()];
  if (url) parts.push(url);
  parts.push(t.citeAccessed(formatTimestamp(today.toISOString())));
  return parts.filter(Boolean).join(' ');
}

export function Citation(props: { testid: string }): JSX.Element {
  const { doc, pageUrl } = useAtlas();
  const text = useMemo(() => citationText(doc.dataset.citation, pageUrl, new Date()), [doc, pageUrl]);
  return (
    <div class="citation">
      <blockquote class="citation-text" data-testid={props.testid}>
        {text}
      </blockquote>
      <CopyButton
        text={() => text}
        label={t.copyCitation}
        testid={`${props.testid}-copy`}
        class="button button-small"
      />
    </div>
  );
}
