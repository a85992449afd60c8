import { describe, expect, it } from 'vitest';
import { checkSourceUrl, splitUrls } from './url.ts';

describe('checkSourceUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(checkSourceUrl('http://cbi.nic.in/interpol/mlat/Australia.pdf').ok).toBe(true);
    expect(checkSourceUrl('https://example.org/a?b=c#d').ok).toBe(true);
  });
  it.each([
    ['javascript:alert(1)', /"javascript:" URLs are not allowed/],
    ['JaVaScRiPt:alert(1)', /not allowed/],
    ['data:text/html,<b>x</b>', /"data:" URLs are not allowed/],
    ['/relative/path.pdf', /not an absolute URL/],
    ['www.example.org/x', /not an absolute URL/],
    ['http://', /not a valid URL|no host/],
    ['', /empty/],
  ])('refuses %s', (url, reason) => {
    const r = checkSourceUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('splitUrls', () => {
  it('splits a cell holding several URLs', () => {
    expect(splitUrls('http://a.example/x http://b.example/y\nhttps://c.example')).toEqual([
      'http://a.example/x',
      'http://b.example/y',
      'https://c.example',
    ]);
  });
});
