// Stands in for d3-interpolate in the page's bundle (vite.config.ts aliases it here). d3-zoom imports only
// interpolateZoom from it, and calls it only inside a d3 transition, which the map never starts (see
// noTransition.ts); importing the real module brings d3-interpolate's colour interpolators and all of d3-color
// (its named-colour table included) into the first load, about 5 KB gzip for code that never runs. Should a
// transition ever run, this straight-line zoom (centre and width move evenly) still gives a correct end state.
// Unit tests (vitest) use the real module.

type View = [number, number, number];

export function interpolateZoom(a: View, b: View): ((t: number) => View) & { duration: number } {
  const at = (t: number): View => [
    a[0] + (b[0] - a[0]) * t,
    a[1] + (b[1] - a[1]) * t,
    a[2] + (b[2] - a[2]) * t,
  ];
  return Object.assign(at, { duration: 250 });
}
