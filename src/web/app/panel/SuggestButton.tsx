import type { ComponentType, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { CountryCode } from '../../../core/ids.ts';
import { messages as t } from '../../text.ts';
import { useAtlas } from '../atlas.ts';
import { Dialog } from '../share/Dialog.tsx';
import type { SuggestFormProps } from './SuggestForm.tsx';
import { suggestTarget } from './suggestTarget.ts';

// "Suggest a correction" in the country panel and the table rows. The form's code is loaded on the first
// click (it is not part of the page's first download), and it opens in a dialog.

let loaded: ComponentType<SuggestFormProps> | null = null;

export function SuggestButton(props: {
  country: CountryCode;
  agreementId?: string;
  compact?: boolean;
}): JSX.Element | null {
  const { doc } = useAtlas();
  const [open, setOpen] = useState<{
    opener: HTMLElement;
    Form: ComponentType<SuggestFormProps> | null;
  } | null>(null);
  const target = suggestTarget(doc.dataset);
  if (target.kind === 'none') return null;
  const cls = props.compact ? 'link-button suggest-button' : 'button button-small suggest-button';
  if (target.kind === 'link') {
    return (
      <a class={cls} href={target.href} target="_blank" rel="noopener noreferrer" data-testid="suggest-link">
        {target.label}
      </a>
    );
  }
  const start = async (opener: HTMLElement): Promise<void> => {
    setOpen({ opener, Form: loaded });
    if (loaded === null) {
      loaded = (await import('./SuggestForm.tsx')).SuggestForm;
      setOpen({ opener, Form: loaded });
    }
  };
  return (
    <>
      <button
        type="button"
        class={cls}
        data-testid="suggest-open"
        onClick={(e) => void start(e.currentTarget)}
      >
        {t.suggest.button}
      </button>
      {open ? (
        <Dialog
          title={t.suggest.title}
          testid="suggest-dialog"
          opener={open.opener}
          onClose={() => setOpen(null)}
        >
          {open.Form ? (
            <open.Form
              endpoint={target.endpoint}
              country={props.country}
              {...(props.agreementId ? { agreementId: props.agreementId } : {})}
            />
          ) : (
            <p class="muted">{t.suggest.loading}</p>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
