import type { ComponentChild, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { afterPaint } from './afterPaint.ts';

// Parts of the page a filter step changes but the reader may not be looking at (the year chart, the
// combination key below the map): drawn in the step's own frame while they are on screen, and otherwise a
// moment later, once that frame is drawn and the browser is idle, so what is off screen adds nothing to the
// frame the reader waits for. Scrolling one into view, printing, or the browser's next idle moment (at most
// LATER_WITHIN ms) brings it up to date.

/** The longest a part off screen may lag behind the page. */
const LATER_WITHIN = 200;
/** How far outside the viewport still counts as on screen: a part scrolled near is already current. */
const NEAR = '150px';

export type OffscreenLaterProps<T> = {
  /** What the part is drawn from; a new object is a change. */
  value: T;
  /** Anything else the drawing depends on, compared item by item (it is drawn at once when these change). */
  deps?: readonly unknown[];
  /** Draws the part; `ref` goes on its outermost element (the one watched for being on screen). */
  children: (value: T, ref: RefObject<HTMLElement | null>) => ComponentChild;
};

const sameDeps = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export function OffscreenLater<T>(props: OffscreenLaterProps<T>): ComponentChild {
  const ref = useRef<HTMLElement>(null);
  // Until the observer has said otherwise, a part is on screen (the first render and the server's draw it all).
  const onScreen = useRef(true);
  const latest = useRef(props.value);
  latest.current = props.value;
  const shown = useRef(props.value);
  const scheduled = useRef(false);
  const drawn = useRef<{ value: T; deps: readonly unknown[]; node: ComponentChild } | null>(null);
  const [, redraw] = useState(0);

  const catchUp = (): void => {
    if (shown.current !== latest.current) redraw((n) => n + 1);
  };
  // Watches the part's outermost element, again whenever that element is another (a part that drew nothing
  // and then something); without one, the part counts as on screen.
  const watched = useRef<{ el: HTMLElement | null; observer: IntersectionObserver | null }>({
    el: null,
    observer: null,
  });
  useEffect(() => {
    const el = ref.current;
    const w = watched.current;
    if (el === w.el) return;
    w.observer?.disconnect();
    w.el = el;
    w.observer = null;
    onScreen.current = true;
    if (el === null || typeof IntersectionObserver !== 'function') return;
    w.observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (!last) return;
        onScreen.current = last.isIntersecting;
        if (onScreen.current) catchUp();
      },
      { rootMargin: NEAR },
    );
    w.observer.observe(el);
  });
  useEffect(() => {
    const print = (): void => {
      onScreen.current = true;
      catchUp();
    };
    window.addEventListener('beforeprint', print);
    return () => {
      watched.current.observer?.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, []);

  if (onScreen.current) shown.current = props.value;
  else if (shown.current !== props.value && !scheduled.current) {
    scheduled.current = true;
    afterPaint(() => {
      scheduled.current = false;
      if (shown.current === latest.current) return;
      shown.current = latest.current;
      redraw((n) => n + 1);
    }, LATER_WITHIN);
  }

  const deps = props.deps ?? [];
  const last = drawn.current;
  if (last && last.value === shown.current && sameDeps(last.deps, deps)) return last.node;
  const node = props.children(shown.current, ref);
  drawn.current = { value: shown.current, deps, node };
  return node;
}
