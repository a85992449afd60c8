import { describe, expect, it } from 'vitest';
import { suggestTarget } from './suggestTarget.ts';

// Without a suggestions endpoint (a bake without ATLAS_SUGGEST_URL), readers are sent to the researchers.

const base = { title: 'Mapping', sourceUrl: null };

describe('where "Suggest a correction" goes without a form', () => {
  it('an e-mail address in the credits becomes a mailto link', () => {
    const t = suggestTarget({
      ...base,
      credits: [
        { role: 'Research', name: 'A. Researcher' },
        { role: 'Contact', name: 'Corrections: atlas@cis-india.org' },
      ],
    });
    expect(t).toEqual({
      kind: 'link',
      href: 'mailto:atlas@cis-india.org?subject=Correction%3A%20Mapping',
      label: 'Suggest a correction by e-mail',
    });
  });

  it("else the publisher's page, else any credit's page, else the original publication", () => {
    expect(
      suggestTarget({
        ...base,
        credits: [
          { role: 'Design', name: 'D', url: 'https://design.example' },
          { role: 'Publisher', name: 'P', url: 'https://publisher.example' },
        ],
      }),
    ).toMatchObject({ kind: 'link', href: 'https://publisher.example' });
    expect(
      suggestTarget({ ...base, credits: [{ role: 'Design', name: 'D', url: 'https://design.example' }] }),
    ).toMatchObject({
      href: 'https://design.example',
    });
    expect(suggestTarget({ ...base, sourceUrl: 'https://cis.example/post', credits: [] })).toMatchObject({
      href: 'https://cis.example/post',
    });
    expect(suggestTarget({ ...base, credits: [] })).toEqual({ kind: 'none' });
  });
});
