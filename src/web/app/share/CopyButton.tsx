import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { messages as t } from '../../text.ts';
import { useAnnounce } from '../announce.ts';
import { copyText } from './copyText.ts';

// A copy button with a short visible confirmation beside it ("Copied"), not only the announcement a screen
// reader hears: a sighted reader otherwise cannot tell whether anything happened. The visible word is hidden
// from screen readers, who hear the page's one live region instead (announce.ts), so it is not said twice.

export type CopyButtonProps = {
  /** The text to copy, read when pressed (a link follows the filters of that moment). */
  text: () => string;
  label: string;
  testid: string;
  class?: string;
};

const SHOWN_MS = 4000;

export function CopyButton(props: CopyButtonProps): JSX.Element {
  const announce = useAnnounce();
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onClick = async (): Promise<void> => {
    const ok = await copyText(props.text());
    announce(ok ? t.copied : t.copyFailed);
    setStatus(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(null), ok ? SHOWN_MS : 2 * SHOWN_MS);
  };
  return (
    <span class="copy">
      <button type="button" class={props.class ?? 'button'} data-testid={props.testid} onClick={onClick}>
        {props.label}
      </button>
      <span
        class={`copy-status${status === 'failed' ? ' copy-failed' : ''}`}
        aria-hidden="true"
        data-testid={`${props.testid}-status`}
      >
        {status === 'copied' ? t.copiedShort : status === 'failed' ? t.copyFailedShort : ''}
      </span>
    </span>
  );
}
