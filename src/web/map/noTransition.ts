import { selection } from 'd3-selection';

// Stands in for d3-transition in the page's bundle (vite.config.ts aliases it here). d3-zoom imports it only to
// interrupt a zoom transition and to animate a double click; the map starts no d3 transition (useZoom animates
// with requestAnimationFrame and handles double clicks and taps itself), so the real module, with d3-color,
// d3-interpolate's colour code, d3-timer and d3-ease behind it (~5 KB gzip of the first load), is not needed.
// Unit tests (vitest) use the real one.

/** Nothing to interrupt: no transition is ever scheduled. */
export function interrupt(): void {}

(selection.prototype as unknown as { interrupt: () => unknown }).interrupt = function (this: unknown) {
  return this;
};
