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
  // a deliberate step in a later task first gives the one still waiting its own entry, however busy the browser.
  const pending = useRef<HistoryMode | null>(null);
  const sameTask = useRef(false);
  const generation = useRef(0);
  const writeNow = useCallback((state: AppState): void => {
    const how = pending.current;
    pending.current = null;
    generation.current++;
    if (how === null || how === 'none') return;
    const url = urlFor(state);
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (url === here) return;
    if (how === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);
  const write = useCallback((): void => writeNow(current.current), [writeNow]);
  const update = useCallback<UpdateState>(
    (patch, mode = 'push') => {
      const prev = current.current;
      const next = typeof patch === 'function' ? patch(prev) : { ...prev, ...patch };
      const browser = typeof window !== 'undefined' && mode !== 'none';
      if (browser && mode === 'push' && pending.current !== null && !sameTask.current) writeNow(prev);
      current.current = next;
      setState(next);
      if (!browser) return;
      if (pending.current !== null) {
        if (mode === 'push') pending.current = 'push';
        return;
      }
      pending.current = mode;
      sameTask.current = true;
      queueMicrotask(() => {
        sameTask.current = false;
      });
      const mine = generation.current;
      afterPaint(() => {
        if (generation.current === mine) write();
      }, WRITE_WITHIN);
    },
    [write, writeNow],
  );

  // Leaving the page (a link, a reload, the tab closed) writes an address still pending, so Back returns here.
  useEffect(() => {
    window.addEventListener('pagehide', write);
    return () => window.removeEventListener('pagehide', write);
  }, [write]);

  useEffect(() => {
    const onPop = (): void => {
      pending.current = null;
      generation.current++;
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
