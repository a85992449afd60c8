import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryCode, DatasetId } from '../core/ids.ts';
import { testDataset } from '../core/testing/fixtures.ts';
import { tempStore, testDialects } from './testing.ts';
import { NotFoundError, type Store } from './types.ts';

// Readers' corrections in the store (migration 0006-suggestions), on every dialect.

const DS = testDataset.id as DatasetId;

for (const { dialect, skip } of testDialects()) {
  describe.skipIf(skip !== null)(`suggestions on ${dialect}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dispose } = await tempStore(dialect));
      await store.putDataset(testDataset, { actor: 'test', reason: '' });
    });
    afterAll(async () => dispose?.());

    it('creates open suggestions with random ids, lists them newest first and by status', async () => {
      const a = await store.createSuggestion(DS, {
        text: 'The MoU with France was signed in 2016, not 2015.',
        country: 'FR' as CountryCode,
        agreementId: 'agr_1',
        email: 'reader@example.org',
      });
      await new Promise((r) => setTimeout(r, 5));
      const b = await store.createSuggestion(DS, {
        text: '<script>alert(1)</script> is not a correction',
        country: null,
        agreementId: null,
        email: null,
      });
      expect(a).toMatchObject({ status: 'open', note: '', country: 'FR', agreementId: 'agr_1', dataset: DS });
      expect(a.id).toMatch(/^s_[\w-]{12}$/);
      expect(a.id).not.toBe(b.id);
      expect((await store.listSuggestions(DS)).map((s) => s.id)).toEqual([b.id, a.id]);
      expect((await store.getSuggestion(b.id))?.text).toBe('<script>alert(1)</script> is not a correction');

      const done = await store.updateSuggestion(a.id, { status: 'done', note: 'fixed the date' });
      expect(done).toMatchObject({ status: 'done', note: 'fixed the date', text: a.text });
      expect(done.updatedAt >= a.updatedAt).toBe(true);
      expect((await store.listSuggestions(DS, 'open')).map((s) => s.id)).toEqual([b.id]);
      expect((await store.listSuggestions(DS, 'done')).map((s) => s.id)).toEqual([a.id]);
      expect(await store.getSuggestion(a.id)).toEqual(done);
      // A status change alone keeps the note.
      expect((await store.updateSuggestion(a.id, { status: 'dismissed' })).note).toBe('fixed the date');
    });

    it('refuses an unknown dataset or suggestion', async () => {
      await expect(
        store.createSuggestion('nope' as DatasetId, {
          text: 'x'.repeat(20),
          country: null,
          agreementId: null,
          email: null,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.updateSuggestion('s_unknown', { status: 'done' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await store.getSuggestion('s_unknown')).toBeNull();
    });
  });
}
