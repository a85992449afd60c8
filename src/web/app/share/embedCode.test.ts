import { describe, expect, it } from 'vitest';
import { HEIGHT_MESSAGE, iframeCode, isHeightMessage, resizeScript } from './embedCode.ts';

describe('embed code', () => {
  it('writes an iframe with escaped attributes', () => {
    const code = iframeCode('https://x.org/embed/?a=1&b="2"', 'India\'s "map" <b>');
    expect(code).toContain('src="https://x.org/embed/?a=1&amp;b=&quot;2&quot;"');
    expect(code).toContain('title="India\'s &quot;map&quot; &lt;b>"');
    expect(code).toContain('loading="lazy"');
  });

  it('resizes only from the map origin and only for height messages', () => {
    const script = resizeScript('https://x.org');
    expect(script).toContain('e.origin !== "https://x.org"');
    expect(script).toContain(`e.data.type !== "${HEIGHT_MESSAGE}"`);
    expect(isHeightMessage({ type: HEIGHT_MESSAGE, height: 812 })).toBe(true);
    expect(isHeightMessage({ type: HEIGHT_MESSAGE, height: Number.NaN })).toBe(false);
    expect(isHeightMessage({ type: 'other', height: 1 })).toBe(false);
    expect(isHeightMessage(null)).toBe(false);
  });
});
