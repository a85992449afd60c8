import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppState } from './state.ts';
import { type DecodeContext, decodeState, encodeState } from './urlState.ts';

// Page state mirrored in the address bar. A deliberate choice (a country, a filter, a view) pushes a history
// entry so Back undoes it; continuous input (dragging the timeline, zooming, typing a search) replaces the
// current entry so Back is not a hundred tiny steps.

export type HistoryMode = 'push' | 'replace';
export type UpdateState = (
  patch: Partial<AppState> | ((s: AppState) => AppState),
  mode?: HistoryMode,
) => void;

function urlFor(state: AppState): string {
  const qs = encodeState(state);
  return `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
}

export function usePageState(initial: AppState, ctx: DecodeContext): [AppState, UpdateState] {
  const [state, setState] = useState(initial);
  const current = useRef(state);
  current.current = state;

  const update = useCallback<UpdateState>((patch, mode = 'push') => {
    const prev = current.current;
    const next = typeof patch === 'function' ? patch(prev) : { ...prev, ...patch };
    current.current = next;
    setState(next);
    if (typeof window === 'undefined') return;
    const url = urlFor(next);
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (url === here) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  useEffect(() => {
    const onPop = (): void => {
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
