import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { messages as t } from '../../text.ts';

// The correction form, loaded on demand. It posts JSON to the suggestions endpoint (same origin on the live
// server, the live server's address from a baked copy), without cookies. `website` is a honeypot: hidden from
// people (CSS, not focusable), a bot that fills it is answered as if heard and ignored.

export type SuggestFormProps = { endpoint: string; country: string; agreementId?: string };

type Phase = { name: 'editing' | 'sending' | 'sent' } | { name: 'error'; message: string };

export function SuggestForm(props: SuggestFormProps): JSX.Element {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ name: 'editing' });

  if (phase.name === 'sent') {
    return (
      <p class="suggest-thanks" role="status" data-testid="suggest-thanks">
        {t.suggest.thanks}
      </p>
    );
  }

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const what = String(form.get('text') ?? '').trim();
    const source = String(form.get('source') ?? '').trim();
    if (what.length < 10) {
      setPhase({ name: 'error', message: t.suggest.tooShort });
      return;
    }
    setPhase({ name: 'sending' });
    try {
      const res = await fetch(props.endpoint, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          text: source ? `${what}\n\nSource: ${source}` : what,
          country: props.country,
          agreementId: props.agreementId ?? null,
          email: String(form.get('email') ?? '').trim() || null,
          website: String(form.get('website') ?? ''),
        }),
      });
      if (res.status === 202) setPhase({ name: 'sent' });
      else if (res.status === 429) {
        const wait = Number(res.headers.get('retry-after') ?? '3600');
        setPhase({ name: 'error', message: t.suggest.later(Math.ceil(wait / 60)) });
      } else {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setPhase({ name: 'error', message: t.suggest.failed(body?.error?.message ?? `HTTP ${res.status}`) });
      }
    } catch (err) {
      setPhase({ name: 'error', message: t.suggest.failed((err as Error).message) });
    }
  };

  return (
    <form class="suggest-form" data-testid="suggest-form" onSubmit={(e) => void submit(e)}>
      <p class="muted">{t.suggest.intro}</p>
      <label class="control-label" for={`${id}-text`}>
        {t.suggest.what}
      </label>
      <textarea
        id={`${id}-text`}
        name="text"
        class="input"
        rows={5}
        required
        minLength={10}
        maxLength={5000}
      />
      <label class="control-label" for={`${id}-source`}>
        {t.suggest.source}
      </label>
      <input id={`${id}-source`} name="source" type="url" class="input" maxLength={2000} />
      <label class="control-label" for={`${id}-email`}>
        {t.suggest.email}
      </label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        class="input"
        maxLength={254}
        autoComplete="email"
      />
      <div class="suggest-honeypot" aria-hidden="true">
        <label for={`${id}-website`}>{t.suggest.honeypot}</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {phase.name === 'error' ? (
        <p class="suggest-error" role="alert" data-testid="suggest-error">
          {phase.message}
        </p>
      ) : null}
      <button type="submit" class="button" disabled={phase.name === 'sending'} data-testid="suggest-send">
        {phase.name === 'sending' ? t.suggest.sending : t.suggest.send}
      </button>
    </form>
  );
}
