import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapCssFile } from './mapCss.ts';

describe('map.generated.css', () => {
  it('is what theme.ts generates (run scripts/gen-map-css.ts after changing the theme)', () => {
    const file = readFileSync(new URL('./map.generated.css', import.meta.url), 'utf8');
    expect(file).toBe(mapCssFile());
    expect(file).toMatch(/\.aa-partner\{cursor:pointer\}/);
    expect(file).toMatch(/@media \(prefers-color-scheme:dark\)/);
  });
});
