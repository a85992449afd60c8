import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { afterPaint } from '../afterPaint.ts';
import type { AppState } from './state.ts';
import { type DecodeContext, decodeState, encodeState } from './urlState.ts';

// Page state mirrored in the address bar. A deliberate choice (a country, a filter, a view) pushes a history
// entry so Back undoes it; continuous input (dragging the timeline, zooming, typing a search) replaces the
// current entry so Back is not a hundred tiny steps.

/** 'none': the address already says it (the page taking over from the server's render). */
export type HistoryMode = 'push' | 'replace' | 'none';
export type UpdateState = (
  patch: Partial<AppState> | ((s: AppState) => AppState),
  mode?: HistoryMode,
) => void;

/** The longest the address may lag behind the page. */
const WRITE_WITHIN = 250;

function urlFor(state: AppState): string {
  const qs = encodeState(state);
  return `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
}

export function usePageState(initial: AppState, ctx: DecodeContext): [AppState, UpdateState] {
  const [state, setState] = useState(initial);
  const current = useRef(state);
  current.current = state;

  // The address is written once the frame that shows the change has been drawn, when the browser is idle (at
  // most WRITE_WITHIN ms later): writing it in the step costs the step a history entry (pushState is slow in
  // Chromium), and writing it in the event handler would make the browser bring layout up to date first (the
  // click changed :focus and :active). Several updates in one task make one history entry, a push if any was;
  // a deliberate step in a later task queues the entry still waiting before its own, so Back undoes one step at
  // a time however quickly they come (and none of them writes inside a step).
  const pending = useRef<HistoryMode | null>(null);
  const queued = useRef<Array<{ url: string; how: HistoryMode }>>([]);
  const sameTask = useRef(false);
  const scheduled = useRef(false);
  const write = useCallback((): void => {
    scheduled.current = false;
    const entries = queued.current;
    queued.current = [];
    if (pending.current !== null) entries.push({ url: urlFor(current.current), how: pending.current });
    pending.current = null;
    for (const { url, how } of entries) {
      const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
      if (url === here) continue;
      if (how === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
  }, []);
  const update = useCallback<UpdateState>(
    (patch, mode = 'push') => {
      const prev = current.current;
      const next = typeof patch === 'function' ? patch(prev) : { ...prev, ...patch };
      current.current = next;
      setState(next);
      if (typeof window === 'undefined' || mode === 'none') return;
      if (pending.current !== null && (sameTask.current || mode !== 'push')) {
        if (mode === 'push') pending.current = 'push';
        return;
      }
      if (pending.current !== null) queued.current.push({ url: urlFor(prev), how: pending.current });
      pending.current = mode;
      sameTask.current = true;
      queueMicrotask(() => {
        sameTask.current = false;
      });
      if (!scheduled.current) {
        scheduled.current = true;
        afterPaint(write, WRITE_WITHIN);
      }
    },
    [write],
  );

  // Leaving the page (a link, a reload, the tab closed) writes an address still pending, so Back returns here.
  useEffect(() => {
    window.addEventListener('pagehide', write);
    return () => window.removeEventListener('pagehide', write);
  }, [write]);

  useEffect(() => {
    const onPop = (): void => {
      pending.current = null;
      queued.current = [];
      const next = decodeState(window.location.search, ctx);
      // Embed mode can come from the route (/embed) rather than the query; a Back step must not drop it.
      next.embed = next.embed || current.current.embed;
      current.current = next;
      setState(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [ctx]);

  return [state, update];
}
