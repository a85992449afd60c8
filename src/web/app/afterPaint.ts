// Work that must not delay the frame a reader is waiting for: run after the next frame has been drawn, when the
// browser has a moment, and at the latest `within` ms later. (An idle callback alone may run before that frame:
// the main thread is often idle between an input and the next vsync.)

export function afterPaint(fn: () => void, within: number): void {
  requestAnimationFrame(() => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout: within });
    else window.setTimeout(fn, 0);
  });
}
