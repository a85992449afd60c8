import { describe, expect, it } from 'vitest';
import { ciede2000, type Lab, parseHex, rgbToLab, toHex } from './deltaE.ts';
import { simulate } from './vision.ts';

// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes", table 1.
const SHARMA: ReadonlyArray<readonly [Lab, Lab, number]> = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
  [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [58, 24, 15], 19.4535],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

describe('CIEDE2000', () => {
  it('matches the published test pairs to four decimals', () => {
    for (const [a, b, expected] of SHARMA) {
      expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
      expect(ciede2000(b, a)).toBeCloseTo(expected, 4);
    }
  });

  it('converts sRGB to Lab (white, black, a known blue)', () => {
    expect(rgbToLab([255, 255, 255])[0]).toBeCloseTo(100, 3);
    expect(rgbToLab([0, 0, 0])[0]).toBeCloseTo(0, 3);
    const blue = rgbToLab(parseHex('#0072b2'));
    expect(blue[0]).toBeCloseTo(46, 0);
    expect(toHex(parseHex('#0072B2'))).toBe('#0072b2');
  });
});

describe('colour vision simulation', () => {
  it('keeps greys grey and makes red and green alike under deuteranopia, not under tritanopia', () => {
    expect(simulate([128, 128, 128], 'deuteranopia').map(Math.round)).toEqual([128, 128, 128]);
    const red = parseHex('#d55e00');
    const green = parseHex('#009e73');
    const d = (v: 'deuteranopia' | 'tritanopia' | 'normal'): number =>
      ciede2000(rgbToLab(simulate(red, v)), rgbToLab(simulate(green, v)));
    expect(d('deuteranopia')).toBeLessThan(d('normal') / 2);
    const grey = simulate(parseHex('#0072b2'), 'greyscale');
    expect(grey[0]).toBe(grey[1]);
    expect(grey[1]).toBe(grey[2]);
  });
});
