import { describe, expect, it } from 'vitest';
import { validateAtom } from '../../test/fixtures/atom/validateAtom.ts';
import type { Dataset } from '../core/schemas.ts';
import { testDataset } from '../core/testing/fixtures.ts';
import type { VersionSummary } from '../store/types.ts';
import { renderChangesFeed } from './changesFeed.ts';
import { renderChangesPage } from './changesPage.ts';

// The change log and its feed say the same, escape everything, and the feed is valid Atom 1.0 (RFC 4287's RELAX
// NG schema, with xmllint) whatever the researchers wrote.

const hostile = 'Tom & Jerry <script>alert(1)</script> "quoted" ]]> \u0001bell';
const dataset: Dataset = {
  ...testDataset,
  title: `Atlas ${hostile}`,
  description: hostile,
  credits: [{ role: 'Research', name: `CIS ${hostile}` }],
};

function version(number: number, note: string): VersionSummary {
  return {
    number,
    publishedAt: `2026-0${number}-01T10:00:00.000Z`,
    note,
    counts: {
      counts: { mlat: 1, mou: 2, framework: 0 },
      partners: 2,
      records: {},
      partnersByCategory: {},
      agreements: 3,
    },
    changes: {
      added: [{ id: `a${number}`, category: 'mou', partners: ['SG'], date: '2015-06' }],
      changed:
        number > 1
          ? [{ id: 'a1', category: 'mlat', partners: ['FR', 'DE'], date: '', fields: ['summary'] }]
          : [],
      removed: number > 1 ? [{ id: 'a0', category: 'nonsense', partners: ['IN'], date: '2001' }] : [],
    },
  };
}

describe('the change log feed', () => {
  const versions = [version(2, hostile), version(1, '')];

  it('is valid Atom 1.0 with an entry per version, escaped, stable ids, and links beside the feed', () => {
    const xml = renderChangesFeed({ dataset, versions });
    expect(validateAtom(xml)).toEqual([]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0001');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain('href="v/2/"');
    expect(xml).toContain('Added: Singapore · MoUs · 2015-06');
    expect(xml).toContain('Changed: France, Germany · MLAT · undated');
    // The same version has the same id wherever and whenever the feed is rendered; another version another.
    const again = renderChangesFeed({
      dataset,
      versions: [version(3, 'x'), ...versions],
      selfUrl: 'https://x.org/a/changes.atom',
    });
    expect(validateAtom(again)).toEqual([]);
    const ids = (s: string): string[] => [...s.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]!);
    expect(ids(again).slice(1)).toEqual(ids(xml));
    expect(new Set(ids(again)).size).toBe(3);
    expect(again).toContain('href="https://x.org/a/v/3/"');
    expect(ids(xml)[0]).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('is valid with no version yet', () => {
    expect(validateAtom(renderChangesFeed({ dataset, versions: [] }))).toEqual([]);
  });

  it('the page lists the same changes as text, with no inline script or style', () => {
    const html = renderChangesPage({ dataset, versions });
    expect(html).not.toMatch(/<script|style=/);
    expect(html).toContain('Tom &amp; Jerry &lt;script&gt;');
    expect(html).toContain('<a href="../v/2/">Version 2</a>');
    expect(html).toContain('France, Germany · MLAT · undated');
    expect(html).toContain('(summary)');
    expect(html).toContain('href="../changes.atom"');
  });
});
