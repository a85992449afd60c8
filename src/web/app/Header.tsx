import type { JSX, TargetedMouseEvent } from 'preact';
import { formatTimestamp, messages as t } from '../text.ts';
import { useAtlas } from './atlas.ts';
import { Freshness } from './Freshness.tsx';
import { CopyButton } from './share/CopyButton.tsx';
import { versionUrl } from './version.ts';

export type DialogName = 'embed' | 'download' | 'cite';

export type HeaderProps = {
  embed: boolean;
  /** The full page for this view, shown as a link in embed mode. */
  fullUrl: string;
  onOpen: (dialog: DialogName, opener: HTMLElement) => void;
  /** The page's address with the current filters, read when the reader copies it. */
  link: () => string;
};

export function Header(props: HeaderProps): JSX.Element {
  const { doc, version, pageUrl } = useAtlas();
  const { dataset } = doc;
  const open =
    (name: DialogName) =>
    (e: TargetedMouseEvent<HTMLButtonElement>): void =>
      props.onOpen(name, e.currentTarget);
  return (
    <header class="masthead">
      <div class="masthead-text">
        <h1 class="title">{dataset.title}</h1>
        {props.embed ? null : <p class="lede">{dataset.description}</p>}
        {props.embed ? null : <Freshness />}
        {version && !props.embed ? (
          <p class="meta version-line" data-testid="version-line">
            {t.versionLine(version.number)} · {t.versionPublished}{' '}
            <time dateTime={version.publishedAt}>{formatTimestamp(version.publishedAt)}</time>
            {' · '}
            <a href={versionUrl(version.changesHref, pageUrl)}>{t.changeLog}</a>
            {version.frozen ? (
              <>
                {' · '}
                <a href={versionUrl(version.latestHref, pageUrl)} data-testid="latest-version">
                  {t.latestVersion}
                </a>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {props.embed ? (
        <a class="button" href={props.fullUrl} target="_blank" rel="noopener noreferrer">
          {t.openFull} <span class="sr-only">{t.newTab}</span>
        </a>
      ) : (
        <div class="toolbar">
          <button type="button" class="button" data-testid="open-embed" onClick={open('embed')}>
            {t.embed}
          </button>
          <button type="button" class="button" data-testid="open-download" onClick={open('download')}>
            {t.download}
          </button>
          <button type="button" class="button" data-testid="open-cite" onClick={open('cite')}>
            {t.cite}
          </button>
          <CopyButton text={props.link} label={t.copyLink} testid="copy-link" />
        </div>
      )}
    </header>
  );
}
