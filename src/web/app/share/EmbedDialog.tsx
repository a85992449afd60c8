import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { messages as t } from '../../text.ts';
import { CopyButton } from './CopyButton.tsx';
import { Dialog } from './Dialog.tsx';
import { iframeCode, resizeScript } from './embedCode.ts';

export type EmbedDialogProps = {
  title: string;
  embedUrl: string;
  shareUrl: string;
  opener: HTMLElement | null;
  onClose: () => void;
};

function CopyField(props: { label: string; value: string; testid: string; rows: number }): JSX.Element {
  const id = useId();
  return (
    <div class="copy-field">
      <label class="control-label" for={id}>
        {props.label}
      </label>
      <textarea
        id={id}
        class="code"
        readOnly
        rows={props.rows}
        value={props.value}
        data-testid={props.testid}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton
        text={() => props.value}
        label={t.copyCode}
        testid={`${props.testid}-copy`}
        class="button button-small"
      />
    </div>
  );
}

export function EmbedDialog(props: EmbedDialogProps): JSX.Element {
  const origin = new URL(props.embedUrl, window.location.href).origin;
  return (
    <Dialog title={t.embedTitle} testid="embed-dialog" opener={props.opener} onClose={props.onClose}>
      <p>{t.embedIntro}</p>
      <CopyField
        label={t.embedCode}
        value={iframeCode(props.embedUrl, props.title)}
        testid="embed-code"
        rows={3}
      />
      <CopyField label={t.embedScript} value={resizeScript(origin)} testid="embed-script" rows={5} />
      <CopyField label={t.shareLink} value={props.shareUrl} testid="share-link" rows={2} />
    </Dialog>
  );
}
