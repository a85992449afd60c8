import type { World } from './world.ts';

// Pixels live here and in project.ts only. The map has one layout: every unit projected once into a fixed
// box of LAYOUT_WIDTH × LAYOUT_HEIGHT user units (the live map's viewBox; an export scales it). The browser
// never projects: the server writes these paths into the page, and the page reads them back (see
// readLayout in the page's map slot). This module has no d3-geo, so the page bundle has none either.

/** The layout's box, in SVG user units: 2:1, the shape of the whole Equal Earth world. */
export const LAYOUT_WIDTH = 1920;
export const LAYOUT_HEIGHT = 960;

export type UnitLayout = {
  a3: string;
  /** SVG path data: relative commands, whole user units. */
  d: string;
  /** Projected anchor (a point inside the unit), rounded to one decimal. */
  x: number;
  y: number;
};

export type MapLayout = {
  width: number;
  height: number;
  /** Outline of the whole globe (the sea). */
  sphere: string;
  /** In the order of world.units. */
  units: readonly UnitLayout[];
  byA3: ReadonlyMap<string, UnitLayout>;
};

/** A layout from its parts (the units in the order of world.units). */
export function makeLayout(sphere: string, units: readonly UnitLayout[]): MapLayout {
  return {
    width: LAYOUT_WIDTH,
    height: LAYOUT_HEIGHT,
    sphere,
    units,
    byA3: new Map(units.map((u) => [u.a3, u])),
  };
}

/** Checks a layout belongs to a world (same units, same order); throws naming the first mismatch. */
export function checkLayout(world: World, layout: MapLayout): MapLayout {
  if (layout.units.length !== world.units.length) {
    throw new Error(`the map layout has ${layout.units.length} units, the geometry ${world.units.length}`);
  }
  world.units.forEach((u, i) => {
    if (layout.units[i]!.a3 !== u.a3) throw new Error(`map layout and geometry disagree at unit ${i}`);
  });
  return layout;
}

/** Height of the map on screen for a width: the layout's 2:1. */
export function mapHeightFor(width: number): number {
  return Math.round((width * LAYOUT_HEIGHT) / LAYOUT_WIDTH);
}

/**
 * Pattern tiles shrink on small maps, so textures stay finer than the countries they fill (a phone-wide map
 * is a third of a desktop one). `width` is the map's width on screen, px.
 */
export function patternScaleFor(width: number): number {
  return Math.min(1, Math.max(0.6, width / 1000));
}

/**
 * The inhabited world's band in layout units (72°N to 56°S on Equal Earth: Svalbard's towns to Tierra del
 * Fuego), what a map taller than 2:1 zooms to so it fills its box; project.test.ts checks the numbers.
 */
export const INHABITED_TOP = 47;
export const INHABITED_BOTTOM = 845;
