import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { messages as t } from '../../text.ts';

// A modal on the native <dialog>: the browser traps focus, makes the page behind it inert and turns Escape
// into a close. On close, focus goes back to the button that opened it.

export type DialogProps = {
  title: string;
  testid: string;
  /** The element to give focus back to. */
  opener: HTMLElement | null;
  onClose: () => void;
  children: ComponentChildren;
};

export function Dialog(props: DialogProps): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { opener, onClose } = props;
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  // A click on the backdrop lands on the dialog element itself (its padding is on the inner blocks).
  // Keyboard users have Escape, native to <dialog>, and the close button.
  useEffect(() => {
    const d = ref.current;
    const onBackdrop = (e: MouseEvent): void => {
      if (e.target === d) latestClose.current();
    };
    d?.addEventListener('click', onBackdrop);
    return () => d?.removeEventListener('click', onBackdrop);
  }, []);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
      opener?.focus();
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={`${id}-title`}
      data-testid={props.testid}
      onClose={onClose}
    >
      <div class="dialog-head">
        <h2 id={`${id}-title`} class="dialog-title">
          {props.title}
        </h2>
        <button
          type="button"
          class="icon-button"
          aria-label={t.close}
          data-testid="dialog-close"
          onClick={onClose}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      <div class="dialog-body">{props.children}</div>
    </dialog>
  );
}
