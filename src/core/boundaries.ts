// Whose boundaries a dataset's map draws. Kept apart from schemas.ts (zod) so the page and the editor can
// read it without loading a validator.

/** The views a geometry asset is shipped for: de facto, or a country's official view (by ISO code). */
export const BOUNDARY_VIEWS = ['de-facto', 'IN'] as const;
export type BoundaryView = (typeof BOUNDARY_VIEWS)[number];

/** A dataset's view of boundaries; absent means de facto. */
export const boundariesOf = (dataset: { boundaries?: BoundaryView | undefined }): BoundaryView =>
  dataset.boundaries ?? 'de-facto';
