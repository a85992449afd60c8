import { fromLinear, type Rgb, toLinear } from './deltaE.ts';

// How a colour looks without full colour vision, for tests and tools: Machado, Oliveira & Fernandes (2009)
// matrices at severity 1.0 on linear RGB, and greyscale (the same relative luminance as a neutral grey).

export type Vision = 'normal' | 'deuteranopia' | 'protanopia' | 'tritanopia' | 'greyscale';

export const VISIONS: readonly Vision[] = ['normal', 'deuteranopia', 'protanopia', 'tritanopia', 'greyscale'];

type Matrix = readonly [number, number, number, number, number, number, number, number, number];

const MACHADO: Record<'deuteranopia' | 'protanopia' | 'tritanopia', Matrix> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

/** The colour (sRGB 0..255) as seen under `vision`. */
export function simulate(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const [r, g, b] = [toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])];
  if (vision === 'greyscale') {
    const y = fromLinear(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
    return [y, y, y];
  }
  const m = MACHADO[vision];
  return [
    fromLinear(m[0] * r + m[1] * g + m[2] * b),
    fromLinear(m[3] * r + m[4] * g + m[5] * b),
    fromLinear(m[6] * r + m[7] * g + m[8] * b),
  ];
}
