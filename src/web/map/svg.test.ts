import { describe, expect, it } from 'vitest';
import { el, escapeXml, toSvgString } from './svg.ts';

describe('svg tree', () => {
  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('serialises attributes in order, leaves out undefined ones and escapes text', () => {
    const node = el('g', { class: 'a', id: undefined, 'data-x': 1.5 }, [
      el('text', { x: 0 }, ['a < b']),
      el('path', { d: 'M0,0' }),
    ]);
    expect(toSvgString(node)).toBe(
      '<g class="a" data-x="1.5"><text x="0">a &lt; b</text><path d="M0,0"/></g>',
    );
  });
});
