import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { syntheticAgreements } from '../../bench/synthetic.ts';
import { agreementContent, type IncomingAgreement, type IncomingNote, planImport } from '../core/diff.ts';
import { type AgreementFilter, filterAgreements } from '../core/filters.ts';
import type { AgreementId, CategoryId, CountryCode, DatasetId, NoteId } from '../core/ids.ts';
import {
  type Agreement,
  type AgreementContent,
  AgreementSchema,
  type CountryNote,
  CountryNoteSchema,
  type Dataset,
  DatasetSchema,
  type NoteContent,
} from '../core/schemas.ts';
import { DatabaseUrlError, openStore } from './index.ts';
import { tempDatabase, tempStore, testDialects } from './testing.ts';
import { ConflictError, NotFoundError, RevertConflictError, StaleVersionError, type Store } from './types.ts';

// The one Store contract, run against every dialect in TEST_DB: the same calls must give the same answers.

const config = DatasetSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../data/cis-india-cyber-agreements.dataset.json', import.meta.url), 'utf8'),
  ),
);
const editor = { actor: 'researcher@example.org', reason: 'manual edit' };

function newDataset(): Dataset {
  return { ...config, id: `t-${randomBytes(4).toString('hex')}` as DatasetId };
}

const src = (url: string, title = ''): AgreementContent['sources'][number] => ({
  url,
  title,
  archivedUrl: null,
  lastChecked: null,
  httpStatus: null,
});

function ag(
  category: string,
  partners: string[],
  rest: Partial<Omit<AgreementContent, 'category' | 'partners'>> = {},
): AgreementContent {
  return {
    category: category as CategoryId,
    partners: partners as CountryCode[],
    title: '',
    date: { text: '', year: null, month: null, day: null },
    summary: '',
    sources: [],
    flags: { nonGovernmental: false, multilateral: false, mentionsOnly: false },
    status: 'unknown',
    ...rest,
  };
}

/** Shapes like the CIS seed: an MLAT, dated MoUs with comments, a framework, a multilateral and an NGO record. */
function seedLike(): AgreementContent[] {
  return [
    ag('mlat', ['FR'], { sources: [src('https://mea.gov.in/mlat-france.htm', 'MEA treaty list')] }),
    ag('mou', ['US'], {
      title: 'Framework for the U.S.-India Cyber Relationship',
      date: { text: 'Aug 2015', year: 2015, month: 8, day: null },
      summary: 'Joint statement on cyber security cooperation',
      sources: [
        src('https://www.state.gov/us-india-cyber'),
        src('https://mea.gov.in/us-india-joint-statement'),
      ],
    }),
    ag('mou', ['CI'], {
      date: { text: '2016-03-10', year: 2016, month: 3, day: 10 },
      summary: "Coopération avec la Côte d'Ivoire sur la cybersécurité",
      sources: [src('https://mea.gov.in/ci-mou')],
    }),
    ag('mou', ['JP'], {
      date: { text: 'May 29', year: null, month: null, day: null },
      summary: 'year unknown',
    }),
    ag('framework', ['GB'], {
      date: { text: '2014', year: 2014, month: null, day: null },
      sources: [src('https://www.gov.uk/india-uk-cyber-framework')],
      status: 'signed',
    }),
    ag('mou', ['BR', 'RU', 'CN', 'ZA'], {
      title: 'BRICS communiqué',
      date: { text: 'July 2015', year: 2015, month: 7, day: null },
      flags: { nonGovernmental: false, multilateral: true, mentionsOnly: true },
    }),
    ag('mou', ['IL'], {
      date: { text: '2017', year: 2017, month: null, day: null },
      flags: { nonGovernmental: true, multilateral: false, mentionsOnly: false },
      sources: [src('https://nasscom.in/israel-mou')],
    }),
  ];
}

const note = (country: string, text: string): NoteContent => ({
  country: country as CountryCode,
  text,
  sources: [src(`https://mea.gov.in/${country.toLowerCase()}`)],
});

async function snapshot(
  store: Store,
  dataset: DatasetId,
): Promise<{ agreements: Agreement[]; notes: CountryNote[]; revisions: unknown[]; last: string | null }> {
  return {
    agreements: await store.listAgreements(dataset),
    notes: await store.listNotes(dataset),
    revisions: await store.listDatasetRevisions(dataset, 1_000_000),
    last: await store.lastChange(dataset),
  };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

for (const { dialect, skip } of testDialects()) {
  if (skip !== null) {
    console.log(skip);
    describe.skip(`store contract on ${dialect} (${skip})`, () => {
      it('is skipped', () => {});
    });
    continue;
  }

  describe(`store contract on ${dialect}`, () => {
    let store: Store;
    let url: string;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ store, url, dispose } = await tempStore(dialect));
    });
    afterAll(async () => {
      await dispose?.();
    });

    async function datasetWith(
      contents: AgreementContent[] = [],
    ): Promise<{ id: DatasetId; created: Agreement[] }> {
      const d = newDataset();
      await store.putDataset(d, { actor: 'system', reason: 'set-up' });
      const created: Agreement[] = [];
      for (const c of contents) created.push(await store.createAgreement(d.id, c, editor));
      return { id: d.id, created };
    }

    it('reports its dialect and migrates idempotently (open twice, migrate again)', async () => {
      expect(store.dialect).toBe(dialect);
      const { id } = await datasetWith(seedLike().slice(0, 2));
      await store.migrate();
      const again = await openStore(url);
      try {
        await again.migrate();
        expect(again.dialect).toBe(dialect);
        expect((await again.listAgreements(id)).length).toBe(2);
        expect((await again.getDataset(id))?.title).toBe(config.title);
      } finally {
        await again.close();
      }
    });

    it('puts and gets datasets, with a revision for each put', async () => {
      const d = newDataset();
      expect(await store.getDataset(d.id)).toBeNull();
      await store.putDataset(d, { actor: 'system', reason: 'first start' });
      expect(await store.getDataset(d.id)).toEqual(d);
      const changed = { ...d, title: 'A new title', lastPublished: '2024-05-01T00:00:00.000Z' };
      await store.putDataset(changed, { actor: 'admin@example.org', reason: 'retitle' });
      expect(await store.getDataset(d.id)).toEqual(changed);
      expect((await store.listDatasets()).map((x) => x.id)).toContain(d.id);
      const revs = await store.listRevisions(d.id);
      expect(revs.map((r) => [r.entity, r.action, r.actor, r.reason])).toEqual([
        ['dataset', 'update', 'admin@example.org', 'retitle'],
        ['dataset', 'create', 'system', 'first start'],
      ]);
      expect(revs[0]?.before).toEqual(d);
      expect(revs[0]?.after).toEqual(changed);
      // Configuration changes are not record changes, and are not reverted through `revert`.
      expect(await store.lastChange(d.id)).toBeNull();
      expect(await rejection(store.revert(d.id, revs[0]!.id, editor))).toBeInstanceOf(ConflictError);
      await expect(
        store.putDataset({ ...d, focalCountry: 'india' as CountryCode }, editor),
      ).rejects.toBeInstanceOf(ZodError);
    });

    it('creates, gets and lists agreements in the schema shape, sorted by id', async () => {
      const { id, created } = await datasetWith(seedLike());
      const listed = await store.listAgreements(id);
      expect(listed.length).toBe(7);
      expect(listed.map((a) => a.id)).toEqual([...created.map((a) => a.id)].sort());
      for (const a of listed) {
        expect(Object.keys(a)).toEqual(Object.keys(AgreementSchema.shape));
        expect(Object.keys(a.sources[0] ?? src('https://x.example')).length).toBe(5);
        expect(AgreementSchema.parse(a)).toEqual(a);
        expect(a.version).toBe(1);
        expect(a.dataset).toBe(id);
        expect(a.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(await store.getAgreement(a.id)).toEqual(a);
      }
      const us = listed.find((a) => a.partners[0] === 'US')!;
      expect(agreementContent(us)).toEqual(seedLike()[1]);
      const brics = listed.find((a) => a.partners.length === 4)!;
      expect(brics.partners).toEqual(['BR', 'RU', 'CN', 'ZA']);
      expect(brics.flags).toEqual({ nonGovernmental: false, multilateral: true, mentionsOnly: true });
      expect(await store.getAgreement('mou-zz-missing' as AgreementId)).toBeNull();
    });

    it('creates with a chosen id, refuses a taken one, an unknown dataset and invalid content', async () => {
      const { id } = await datasetWith();
      const chosen = await store.createAgreement(id, seedLike()[0]!, editor, 'mlat-fr-chosen' as AgreementId);
      expect(chosen.id).toBe('mlat-fr-chosen');
      expect(await rejection(store.createAgreement(id, seedLike()[1]!, editor, chosen.id))).toBeInstanceOf(
        ConflictError,
      );
      // Same content again gets a new, numbered id rather than a clash.
      const a = await store.createAgreement(id, seedLike()[1]!, editor);
      const b = await store.createAgreement(id, seedLike()[1]!, editor);
      // (Ids are unique across datasets, so the number depends on what other datasets hold.)
      expect(b.id).not.toBe(a.id);
      expect(b.id.split('-').slice(0, 3)).toEqual(a.id.split('-').slice(0, 3));
      expect(
        await rejection(store.createAgreement('t-nope' as DatasetId, seedLike()[0]!, editor)),
      ).toBeInstanceOf(NotFoundError);
      const bad = { ...seedLike()[0]!, partners: ['fr'] as unknown as CountryCode[] };
      expect(await rejection(store.createAgreement(id, bad, editor))).toBeInstanceOf(ZodError);
      expect((await store.listAgreements(id)).length).toBe(3);
    });

    it('filters exactly as core/filters does, in SQL and in memory', async () => {
      const { id } = await datasetWith(seedLike());
      const all = await store.listAgreements(id);
      const filters: AgreementFilter[] = [
        {},
        { categories: ['mou' as CategoryId] },
        { categories: ['mlat' as CategoryId, 'framework' as CategoryId] },
        { partners: ['RU' as CountryCode] },
        { partners: ['US' as CountryCode, 'GB' as CountryCode] },
        { from: 2015, to: 2015 },
        { from: 2015, to: 2016, undated: false },
        { from: 2016 },
        { to: 2014, undated: false },
        { nonGovernmental: 'only' },
        { nonGovernmental: 'exclude' },
        { multilateral: 'only' },
        { multilateral: 'exclude', categories: ['mou' as CategoryId] },
        { text: 'cote d ivoire' },
        { text: 'COTE' },
        { text: 'state.gov' },
        { text: 'brics', from: 2015, to: 2015 },
      ];
      for (const f of filters) {
        const got = await store.listAgreements(id, f);
        expect(got, JSON.stringify(f)).toEqual(filterAgreements(all, f));
      }
      expect(
        (await store.listAgreements(id, { partners: ['RU' as CountryCode] })).map((a) => a.title),
      ).toEqual(['BRICS communiqué']);
      expect((await store.listAgreements(id, { from: 2015, to: 2016, undated: false })).length).toBe(3);
      expect((await store.listAgreements(id, { text: 'cote' })).length).toBe(1);
      const ctx = {
        regionOf: (c: CountryCode): string | null => (c === 'GB' || c === 'FR' ? 'Europe' : 'Other'),
      };
      expect(
        (await store.listAgreements(id, { regions: ['Europe'] }, ctx)).map((a) => a.partners[0]).sort(),
      ).toEqual(['FR', 'GB']);
    });

    it('updates with a version check: version + 1, 409 path with the current record, missing id', async () => {
      const { id, created } = await datasetWith(seedLike());
      const fr = created[0]!;
      const v2 = await store.updateAgreement(
        fr.id,
        1,
        { summary: 'Treaty in force since 2005', partners: ['FR', 'MC'] as CountryCode[] },
        editor,
      );
      expect(v2.version).toBe(2);
      expect(v2.summary).toBe('Treaty in force since 2005');
      expect(v2.title).toBe(fr.title);
      expect(v2.createdAt).toBe(fr.createdAt);
      expect(v2.updatedAt >= fr.updatedAt).toBe(true);
      expect(await store.getAgreement(fr.id)).toEqual(v2);
      // The country filter follows the update.
      expect((await store.listAgreements(id, { partners: ['MC' as CountryCode] })).map((a) => a.id)).toEqual([
        fr.id,
      ]);

      const stale = await rejection(store.updateAgreement(fr.id, 1, { summary: 'lost update' }, editor));
      expect(stale).toBeInstanceOf(StaleVersionError);
      expect((stale as StaleVersionError).current).toEqual(v2);
      expect((await store.getAgreement(fr.id))?.summary).toBe('Treaty in force since 2005');

      expect(
        await rejection(store.updateAgreement('mlat-zz-none' as AgreementId, 1, {}, editor)),
      ).toBeInstanceOf(NotFoundError);
      const invalid = await rejection(store.updateAgreement(fr.id, 2, { partners: [] }, editor));
      expect(invalid).toBeInstanceOf(ZodError);
      expect((await store.getAgreement(fr.id))?.version).toBe(2);
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const { created } = await datasetWith(seedLike().slice(0, 1));
      const a = created[0]!;
      const results = await Promise.allSettled([
        store.updateAgreement(a.id, 1, { summary: 'first editor' }, editor),
        store.updateAgreement(a.id, 1, { summary: 'second editor' }, editor),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won.length).toBe(1);
      expect(lost.length).toBe(1);
      expect(lost[0]?.reason).toBeInstanceOf(StaleVersionError);
      const now = await store.getAgreement(a.id);
      expect(now?.version).toBe(2);
      expect((lost[0]!.reason as StaleVersionError).current).toEqual(now);
      expect((await store.listRevisions(a.id)).length).toBe(2);
    });

    it('deletes with a version check', async () => {
      const { id, created } = await datasetWith(seedLike().slice(0, 3));
      const target = created[1]!;
      expect(await rejection(store.deleteAgreement(target.id, 7, editor))).toBeInstanceOf(StaleVersionError);
      expect(await store.getAgreement(target.id)).not.toBeNull();
      await store.deleteAgreement(target.id, 1, editor);
      expect(await store.getAgreement(target.id)).toBeNull();
      expect((await store.listAgreements(id)).length).toBe(2);
      expect((await store.listAgreements(id, { partners: ['US' as CountryCode] })).length).toBe(0);
      expect(await rejection(store.deleteAgreement(target.id, 1, editor))).toBeInstanceOf(NotFoundError);
    });

    it('keeps country notes with the same version discipline', async () => {
      const { id } = await datasetWith();
      const n1 = await store.createNote(id, note('KE', 'MoU found, but nothing on cyber security'), editor);
      const n2 = await store.createNote(
        id,
        note('AR', 'Only an extradition treaty'),
        editor,
        'note-ar-1' as NoteId,
      );
      expect(n2.id).toBe('note-ar-1');
      const listed = await store.listNotes(id);
      expect(listed.map((n) => n.id)).toEqual([n1.id, n2.id].sort());
      for (const n of listed) expect(Object.keys(n)).toEqual(Object.keys(CountryNoteSchema.shape));
      expect(await rejection(store.createNote(id, note('AR', 'x'), editor, n2.id))).toBeInstanceOf(
        ConflictError,
      );

      const u = await store.updateNote(n1.id, 1, { text: 'MoU on ICT, no cyber security clause' }, editor);
      expect(u.version).toBe(2);
      expect(u.country).toBe('KE');
      expect(await store.getNote(n1.id)).toEqual(u);
      const stale = await rejection(store.updateNote(n1.id, 1, { text: 'x' }, editor));
      expect((stale as StaleVersionError).current).toEqual(u);
      expect(await rejection(store.deleteNote(n2.id, 2, editor))).toBeInstanceOf(StaleVersionError);
      await store.deleteNote(n2.id, 1, editor);
      expect((await store.listNotes(id)).map((n) => n.id)).toEqual([n1.id]);
      expect(await store.getNote(n2.id)).toBeNull();
      expect(await rejection(store.updateNote(n2.id, 1, {}, editor))).toBeInstanceOf(NotFoundError);
    });

    it('writes a revision for every change: who, when, what before and after, why', async () => {
      const { id, created } = await datasetWith(seedLike().slice(0, 1));
      const a = created[0]!;
      const b = await store.updateAgreement(
        a.id,
        1,
        { title: 'MLAT' },
        { actor: 'ana@example.org', reason: 'typo' },
      );
      await store.deleteAgreement(a.id, 2, { actor: 'raj@example.org', reason: 'duplicate' });
      const revs = await store.listRevisions(a.id);
      expect(revs.map((r) => [r.action, r.actor, r.reason])).toEqual([
        ['delete', 'raj@example.org', 'duplicate'],
        ['update', 'ana@example.org', 'typo'],
        ['create', editor.actor, editor.reason],
      ]);
      expect(revs.map((r) => r.id)).toEqual([...revs.map((r) => r.id)].sort((x, y) => y - x));
      expect(revs[2]).toMatchObject({
        entity: 'agreement',
        entityId: a.id,
        dataset: id,
        before: null,
        after: a,
      });
      expect(revs[1]).toMatchObject({ before: a, after: b });
      expect(revs[0]).toMatchObject({ before: b, after: null });
      for (const r of revs) expect(r.at).toMatch(/Z$/);
      const recent = await store.listDatasetRevisions(id, 2);
      expect(recent.map((r) => r.action)).toEqual(['delete', 'update']);
      expect(await store.lastChange(id)).toBe(revs[0]?.at);
    });

    it('reverts an update, a delete and a create, each as a new revert revision', async () => {
      const { created } = await datasetWith(seedLike().slice(1, 3));
      const [us, ci] = created as [Agreement, Agreement];

      await store.updateAgreement(us.id, 1, { summary: 'vandalised' }, editor);
      const updateRev = (await store.listRevisions(us.id))[0]!;
      const restored = (await store.revert(us.id, updateRev.id, {
        actor: 'admin',
        reason: 'undo vandalism',
      })) as Agreement;
      expect(agreementContent(restored)).toEqual(agreementContent(us));
      expect(restored.version).toBe(3);
      expect(await store.getAgreement(us.id)).toEqual(restored);
      const revertRev = (await store.listRevisions(us.id))[0]!;
      expect(revertRev).toMatchObject({
        action: 'revert',
        actor: 'admin',
        reason: 'undo vandalism',
        after: restored,
      });
      expect((revertRev.before as Agreement).summary).toBe('vandalised');

      await store.deleteAgreement(ci.id, 1, editor);
      const deleteRev = (await store.listRevisions(ci.id))[0]!;
      const back = (await store.revert(ci.id, deleteRev.id, editor)) as Agreement;
      expect(back.id).toBe(ci.id);
      expect(agreementContent(back)).toEqual(agreementContent(ci));
      expect(back.createdAt).toBe(ci.createdAt);
      expect(back.version).toBeGreaterThan(ci.version);
      expect(await store.getAgreement(ci.id)).toEqual(back);
      expect((await store.listAgreements(back.dataset, { partners: ['CI' as CountryCode] })).length).toBe(1);

      const createRev = (await store.listRevisions(ci.id)).at(-1)!;
      expect(createRev.action).toBe('create');
      expect(await store.revert(ci.id, createRev.id, editor)).toBeNull();
      expect(await store.getAgreement(ci.id)).toBeNull();
      expect((await store.listRevisions(ci.id))[0]).toMatchObject({
        action: 'revert',
        after: null,
        before: back,
      });

      expect(await rejection(store.revert(ci.id, updateRev.id, editor))).toBeInstanceOf(NotFoundError);
      expect(await rejection(store.revert(ci.id, 987_654_321, editor))).toBeInstanceOf(NotFoundError);
    });

    it('reverts note changes', async () => {
      const { id } = await datasetWith();
      const n = await store.createNote(id, note('KE', 'first text'), editor);
      await store.updateNote(n.id, 1, { text: 'second text' }, editor);
      const [upd] = await store.listRevisions(n.id);
      const back = (await store.revert(n.id, upd!.id, editor)) as CountryNote;
      expect(back.text).toBe('first text');
      expect(back.version).toBe(3);
      await store.deleteNote(n.id, 3, editor);
      const [del] = await store.listRevisions(n.id);
      expect(((await store.revert(n.id, del!.id, editor)) as CountryNote).text).toBe('first text');
      expect((await store.listNotes(id)).length).toBe(1);
    });

    it('a revert undoes only the fields of that revision: a later edit of another field is kept', async () => {
      const { created } = await datasetWith(seedLike().slice(1, 2));
      const us = created[0]!;
      const dateEdit = { text: '2016', year: 2016, month: null, day: null };
      await store.updateAgreement(us.id, 1, { date: dateEdit }, { actor: 'a@example.org', reason: 'date' });
      await store.updateAgreement(
        us.id,
        2,
        { title: 'Later title' },
        { actor: 'b@example.org', reason: 't' },
      );
      const [titleRev, dateRev] = await store.listRevisions(us.id);
      expect(dateRev?.reason).toBe('date');
      const back = (await store.revert(us.id, dateRev!.id, editor, { expectedVersion: 3 })) as Agreement;
      expect(back.date).toEqual(us.date);
      expect(back.title).toBe('Later title');
      expect(back.version).toBe(4);
      expect(await store.getAgreement(us.id)).toEqual(back);
      // The revert's revision records exactly that: the date back, nothing else.
      const [revertRev] = await store.listRevisions(us.id);
      expect(revertRev).toMatchObject({ action: 'revert', reason: 'manual edit', before: { version: 3 } });
      expect(titleRev?.action).toBe('update');
    });

    it('a revert of a field changed again later is a conflict naming it; force overrides; a stale version is refused', async () => {
      const { created } = await datasetWith(seedLike().slice(1, 2));
      const us = created[0]!;
      const d = (text: string, year: number) => ({ text, year, month: null, day: null });
      await store.updateAgreement(us.id, 1, { date: d('2016', 2016), summary: 'S1' }, editor);
      await store.updateAgreement(
        us.id,
        2,
        { date: d('2017', 2017) },
        { actor: 'b@example.org', reason: 'x' },
      );
      const [later, first] = await store.listRevisions(us.id);
      const err = await rejection(store.revert(us.id, first!.id, editor, { expectedVersion: 3 }));
      expect(err).toBeInstanceOf(RevertConflictError);
      expect(err).toBeInstanceOf(ConflictError);
      const conflict = err as RevertConflictError;
      expect(conflict.fields).toEqual(['date']);
      expect(conflict.later).toEqual([
        { field: 'date', revision: later!.id, actor: 'b@example.org', at: later!.at },
      ]);
      expect(conflict.current?.version).toBe(3);
      expect(conflict.message).toMatch(/"date" was changed again .*force/);
      // Nothing was written.
      expect((await store.getAgreement(us.id))?.version).toBe(3);
      expect(await store.listRevisions(us.id)).toHaveLength(3);
      // A stale version is refused before anything else.
      const stale = await rejection(
        store.revert(us.id, first!.id, editor, { expectedVersion: 2, force: true }),
      );
      expect(stale).toBeInstanceOf(StaleVersionError);
      expect((stale as StaleVersionError).current?.version).toBe(3);
      // Force undoes the whole revision: date and summary.
      const forced = (await store.revert(us.id, first!.id, editor, {
        expectedVersion: 3,
        force: true,
      })) as Agreement;
      expect(forced).toMatchObject({ date: us.date, summary: us.summary, version: 4 });
      // A field changed later and set back to what the revision set is nothing to lose: no conflict.
      await store.updateAgreement(us.id, 4, { date: d('2020', 2020) }, editor);
      const [dateAgain] = await store.listRevisions(us.id);
      await store.updateAgreement(us.id, 5, { date: d('2019', 2019) }, editor);
      await store.updateAgreement(us.id, 6, { date: d('2020', 2020) }, editor);
      const undone = (await store.revert(us.id, dateAgain!.id, editor, { expectedVersion: 7 })) as Agreement;
      expect(undone.date).toEqual(us.date);
      // Undoing the newest revision never conflicts.
      await store.updateAgreement(us.id, 8, { title: 'T' }, editor);
      const [newest] = await store.listRevisions(us.id);
      expect(
        ((await store.revert(us.id, newest!.id, editor, { expectedVersion: 9 })) as Agreement).title,
      ).toBe(us.title);
    });

    it('reverts a change an import made (stored by reference), keeping a later edit', async () => {
      const { id, created } = await datasetWith(seedLike().slice(1, 2));
      const us = created[0]!;
      const incoming = [{ ...agreementContent(us), id: us.id, summary: 'From the sheet' }];
      const plan = planImport({ agreements: [us], notes: [] }, { agreements: incoming, notes: [] });
      await store.applyImport(id, plan, { actor: 'import', reason: 'sheet' });
      await store.updateAgreement(us.id, 2, { title: 'Edited after' }, editor);
      const importRev = (await store.listRevisions(us.id))[1]!;
      expect(importRev.reason).toBe('sheet');
      const back = (await store.revert(us.id, importRev.id, editor, { expectedVersion: 3 })) as Agreement;
      expect(back).toMatchObject({ summary: us.summary, title: 'Edited after', version: 4 });
    });

    it('reverts note changes field by field, with the same conflicts and version checks', async () => {
      const { id } = await datasetWith();
      const n = await store.createNote(id, note('KE', 'first text'), editor);
      await store.updateNote(n.id, 1, { text: 'second text' }, editor);
      await store.updateNote(n.id, 2, { sources: [] }, editor);
      const [sourcesRev, textRev] = await store.listRevisions(n.id);
      const back = (await store.revert(n.id, textRev!.id, editor, { expectedVersion: 3 })) as CountryNote;
      expect(back).toMatchObject({ text: 'first text', sources: [], version: 4 });
      await store.updateNote(n.id, 4, { text: 'third text' }, editor);
      const err = await rejection(store.revert(n.id, textRev!.id, editor, { expectedVersion: 5 }));
      expect((err as RevertConflictError).fields).toEqual(['text']);
      expect(
        await rejection(store.revert(n.id, sourcesRev!.id, editor, { expectedVersion: 4 })),
      ).toBeInstanceOf(StaleVersionError);
      const forced = (await store.revert(n.id, textRev!.id, editor, { force: true })) as CountryNote;
      expect(forced.text).toBe('first text');
      expect(forced.sources).toEqual([]);
    });

    it('applies an import plan: adds, changes, removes agreements and notes, a revision per change', async () => {
      const { id } = await datasetWith(seedLike());
      await store.createNote(id, note('KE', 'MoU found, but nothing on cyber security'), editor);
      await store.createNote(id, note('AR', 'to be removed'), editor);
      const before = await snapshot(store, id);

      const sheet: IncomingAgreement[] = seedLike()
        .filter((a) => a.partners[0] !== 'JP')
        .map((a) => (a.partners[0] === 'GB' ? { ...a, summary: 'renewed in 2018' } : a));
      sheet.push(ag('mlat', ['DE'], { sources: [src('https://mea.gov.in/mlat-germany')] }));
      const notes: IncomingNote[] = [
        note('KE', 'MoU on ICT; nothing on cyber security'),
        note('NP', 'new note'),
      ];
      const plan = planImport(
        { agreements: before.agreements, notes: before.notes },
        { agreements: sheet, notes },
      );
      expect([plan.added.length, plan.changed.length, plan.removed.length, plan.unchanged]).toEqual([
        1, 1, 1, 5,
      ]);
      expect([plan.notes.added.length, plan.notes.changed.length, plan.notes.removed.length]).toEqual([
        1, 1, 1,
      ]);

      const by = { actor: 'researcher@example.org', reason: 'import of seed.xlsx' };
      await store.applyImport(id, plan, by);
      const after = await snapshot(store, id);
      const canonical = (xs: AgreementContent[]): string[] =>
        xs.map((x) => JSON.stringify(agreementContent(x))).sort();
      expect(canonical(after.agreements)).toEqual(canonical(sheet));
      const gb = after.agreements.find((a) => a.partners[0] === 'GB')!;
      const gbBefore = before.agreements.find((a) => a.partners[0] === 'GB')!;
      expect(gb).toMatchObject({
        id: gbBefore.id,
        version: 2,
        createdAt: gbBefore.createdAt,
        summary: 'renewed in 2018',
      });
      expect(after.agreements.find((a) => a.partners[0] === 'JP')).toBeUndefined();
      expect(after.agreements.find((a) => a.partners[0] === 'DE')?.version).toBe(1);
      expect(after.notes.map((n) => n.text).sort()).toEqual([
        'MoU on ICT; nothing on cyber security',
        'new note',
      ]);

      const newRevs = after.revisions.slice(0, after.revisions.length - before.revisions.length) as Array<{
        action: string;
        reason: string;
        actor: string;
        entity: string;
      }>;
      expect(newRevs.length).toBe(6);
      expect(newRevs.every((r) => r.reason === by.reason && r.actor === by.actor)).toBe(true);
      expect(newRevs.map((r) => `${r.entity}:${r.action}`).sort()).toEqual([
        'agreement:create',
        'agreement:delete',
        'agreement:update',
        'note:create',
        'note:delete',
        'note:update',
      ]);
      expect(after.last! > before.last!).toBe(true);
      const gbRevs = await store.listRevisions(gb.id);
      expect(gbRevs[0]).toMatchObject({ action: 'update', before: gbBefore, after: gb });

      // Applying the same sheet again changes nothing.
      const again = planImport(
        { agreements: after.agreements, notes: after.notes },
        { agreements: sheet, notes },
      );
      expect([again.added.length, again.changed.length, again.removed.length]).toEqual([0, 0, 0]);
    });

    it('applies an import all-or-nothing: a conflicting id in the middle leaves everything as it was', async () => {
      const { id } = await datasetWith(seedLike());
      await store.createNote(id, note('KE', 'kept note'), editor);
      const other = await datasetWith();
      const taken = `mlat-zz-${randomBytes(3).toString('hex')}` as AgreementId;
      await store.createAgreement(other.id, ag('mlat', ['NZ']), editor, taken);
      const current = await snapshot(store, id);
      const incoming = [
        ...seedLike()
          .slice(1)
          .map((a) => (a.partners[0] === 'US' ? { ...a, summary: 'changed' } : a)),
        ...syntheticAgreements(3000, 7),
      ];
      const plan = planImport(
        { agreements: current.agreements, notes: current.notes },
        { agreements: incoming, notes: [note('NP', 'new note')] },
      );
      expect(plan.removed.length).toBe(1);
      expect(plan.changed.length).toBe(1);
      const by = { actor: 'x', reason: 'import of broken.xlsx' };

      // Two additions claiming the same id: refused before anything is written.
      const twice = structuredClone(plan);
      twice.added[2200] = { ...twice.added[2200]!, id: twice.added[1500]!.id };
      const dup = await rejection(store.applyImport(id, twice, by));
      expect(dup).toBeInstanceOf(ConflictError);
      expect((dup as Error).message).toContain(twice.added[1500]!.id);
      expect(await snapshot(store, id)).toEqual(current);

      // An id another dataset already uses, met by the database in the middle of the inserts, after the
      // removal and the change were written: the whole transaction is rolled back.
      const clash = structuredClone(plan);
      const victim = clash.added[1500]!.id;
      clash.added[1500] = { ...clash.added[1500]!, id: taken };
      const err = await rejection(store.applyImport(id, clash, by));
      expect(err).toBeInstanceOf(ConflictError);
      expect(await snapshot(store, id)).toEqual(current);
      expect(await store.getAgreement(victim)).toBeNull();
      expect((await store.getAgreement(taken))?.dataset).toBe(other.id);
    });

    it('refuses a stale import plan without writing anything', async () => {
      const { id, created } = await datasetWith(seedLike());
      const current = await snapshot(store, id);
      const sheet = seedLike().map((a) => (a.partners[0] === 'FR' ? { ...a, summary: 'from the sheet' } : a));
      const plan = planImport(
        { agreements: current.agreements, notes: [] },
        { agreements: sheet, notes: [] },
      );
      plan.added.push({ id: 'mou-zz-extra' as AgreementId, content: ag('mou', ['NZ']) });
      await store.updateAgreement(created[0]!.id, 1, { summary: 'edited in the editor meanwhile' }, editor);
      const mid = await snapshot(store, id);
      const err = await rejection(store.applyImport(id, plan, editor));
      expect(err).toBeInstanceOf(StaleVersionError);
      expect((err as StaleVersionError).current).toMatchObject({ summary: 'edited in the editor meanwhile' });
      expect(await snapshot(store, id)).toEqual(mid);
    });

    it('imports thousands of records in chunks and lists them back', async () => {
      const { id } = await datasetWith();
      const incoming = syntheticAgreements(4321, 3);
      const plan = planImport({ agreements: [], notes: [] }, { agreements: incoming, notes: [] });
      await store.applyImport(id, plan, { actor: 'bench', reason: 'import of big.csv' });
      const listed = await store.listAgreements(id);
      expect(listed.length).toBe(4321);
      const byId = new Map(plan.added.map((a) => [a.id as string, a.content]));
      for (const a of listed.filter((_, i) => i % 97 === 0))
        expect(agreementContent(a)).toEqual(byId.get(a.id));
      const multi = listed.filter((a) => a.partners.length > 1);
      const partner = multi[0]!.partners[2]!;
      expect(await store.listAgreements(id, { partners: [partner] })).toEqual(
        filterAgreements(listed, { partners: [partner] }),
      );
      expect((await store.listDatasetRevisions(id, 10_000)).length).toBe(4322);
    });

    it('keeps users with case-insensitively unique e-mail addresses', async () => {
      const tag = randomBytes(3).toString('hex');
      const u = await store.createUser(`Ana.${tag}@Example.org`, 'admin', '$argon2id$hash');
      expect(u).toMatchObject({
        email: `ana.${tag}@example.org`,
        role: 'admin',
        disabled: false,
        datasets: null,
        canPublish: true,
      });
      expect(typeof u.id).toBe('number');
      expect(await store.findUser(`ANA.${tag}@EXAMPLE.ORG`)).toEqual({
        ...u,
        passwordHash: '$argon2id$hash',
      });
      expect(await rejection(store.createUser(`ana.${tag}@example.ORG`, 'editor', 'h'))).toBeInstanceOf(
        ConflictError,
      );
      const e = await store.createUser(`raj.${tag}@example.org`, 'editor', 'h2');
      const ids = (await store.listUsers()).map((x) => x.id);
      expect(ids).toContain(u.id);
      expect(ids.indexOf(u.id)).toBeLessThan(ids.indexOf(e.id));
      expect(await store.findUser(`nobody.${tag}@example.org`)).toBeNull();
      expect(
        String(await rejection(store.createUser(`x.${tag}@example.org`, 'owner' as 'admin', 'h'))),
      ).toMatch(/role "owner"/);
    });

    it('keeps sessions: create, get with its user, delete, and ignores expired ones', async () => {
      const tag = randomBytes(3).toString('hex');
      const user = await store.createUser(`s.${tag}@example.org`, 'editor', 'h');
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await store.createSession({
        tokenHash: `live-${tag}`,
        userId: user.id,
        csrfToken: 'csrf-1',
        expiresAt: later,
      });
      await store.createSession({
        tokenHash: `old-${tag}`,
        userId: user.id,
        csrfToken: 'csrf-2',
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
      expect(await store.getSession(`live-${tag}`)).toMatchObject({
        tokenHash: `live-${tag}`,
        userId: user.id,
        csrfToken: 'csrf-1',
        expiresAt: later,
        user,
      });
      expect(await store.getSession(`old-${tag}`)).toBeNull();
      expect(await store.getSession('no-such-token')).toBeNull();
      await store.deleteSession(`live-${tag}`);
      expect(await store.getSession(`live-${tag}`)).toBeNull();
    });

    it('changes users: rights, disabling and new passwords end their sessions', async () => {
      const tag = randomBytes(3).toString('hex');
      const ed = await store.createUser(`ed.${tag}@example.org`, 'editor', 'h1', {
        datasets: ['b', 'a', 'a'],
      });
      expect(ed).toMatchObject({ datasets: ['a', 'b'], canPublish: false, disabled: false });
      const later = new Date(Date.now() + 3_600_000).toISOString();
      const open = async (name: string): Promise<void> =>
        store.createSession({
          tokenHash: `${name}-${tag}`,
          userId: ed.id,
          csrfToken: 'c',
          expiresAt: later,
          address: '203.0.113.9',
          userAgent: 'Firefox',
        });
      await open('one');
      await open('two');
      const listed = await store.listSessions(ed.id);
      expect(listed.map((x) => x.tokenHash).sort()).toEqual([`one-${tag}`, `two-${tag}`]);
      expect(listed[0]).toMatchObject({ address: '203.0.113.9', userAgent: 'Firefox' });
      expect(typeof listed[0]!.createdAt).toBe('string');
      await store.touchSession(`one-${tag}`, '2030-01-01T00:00:00.000Z');
      expect((await store.getSession(`one-${tag}`))?.lastSeenAt).toBe('2030-01-01T00:00:00.000Z');

      // Datasets and publishing change nothing about sessions.
      const widened = await store.updateUser(ed.email, { datasets: null, canPublish: true });
      expect(widened).toMatchObject({ datasets: null, canPublish: true, role: 'editor' });
      expect(await store.listSessions(ed.id)).toHaveLength(2);
      // A new password ends every session but the one that changed it.
      await store.updateUser(ed.email, { passwordHash: 'h2' }, `one-${tag}`);
      expect((await store.listSessions(ed.id)).map((x) => x.tokenHash)).toEqual([`one-${tag}`]);
      expect((await store.findUser(ed.email))?.passwordHash).toBe('h2');
      await open('three');
      await store.updateUser(ed.email, { role: 'admin' });
      expect(await store.listSessions(ed.id)).toEqual([]);
      await open('four');
      const off = await store.updateUser(ed.email.toUpperCase(), { disabled: true });
      expect(off.disabled).toBe(true);
      expect(await store.getSession(`four-${tag}`)).toBeNull();
      expect(await store.listSessions(ed.id)).toEqual([]);
      expect((await store.updateUser(ed.email, { disabled: false })).disabled).toBe(false);
      await open('five');
      await open('six');
      expect(await store.deleteUserSessions(ed.id, `five-${tag}`)).toBe(1);
      expect((await store.listSessions(ed.id)).map((x) => x.tokenHash)).toEqual([`five-${tag}`]);
      expect(await rejection(store.updateUser(`none.${tag}@example.org`, { disabled: true }))).toBeInstanceOf(
        NotFoundError,
      );
    });

    it('keeps an audit log, newest first, without passwords', async () => {
      const tag = randomBytes(3).toString('hex');
      await store.appendAudit({
        actor: `a.${tag}@example.org`,
        action: 'login',
        address: '198.51.100.1',
        details: { tag, password: 'secret!', newPassword: 'x' },
      });
      await store.appendAudit({ actor: null, action: 'login-failed', address: null, details: { tag, n: 2 } });
      const [last, first] = await store.listAudit({ limit: 2 });
      expect(last).toMatchObject({ actor: null, action: 'login-failed', details: { tag, n: 2 } });
      expect(first).toMatchObject({
        actor: `a.${tag}@example.org`,
        action: 'login',
        address: '198.51.100.1',
      });
      expect(first!.details).toEqual({ tag });
      expect(Date.parse(first!.at)).not.toBeNaN();
      expect((await store.listAudit({ limit: 5, before: last!.id }))[0]!.id).toBe(first!.id);
      expect(String(await rejection(store.listAudit({ limit: 0 })))).toMatch(/limit 0/);
    });

    it('counts limiter hits per bucket and key, within a window, and prunes old ones', async () => {
      const tag = randomBytes(3).toString('hex');
      const key = `203.0.113.7|${tag}`;
      expect(await store.rateWindow('login', key, '2000-01-01T00:00:00.000Z')).toEqual({
        count: 0,
        first: null,
        last: null,
      });
      await store.addRateHit('login', key, '2026-01-01T00:00:00.000Z');
      const id = await store.addRateHit('login', key, '2026-01-01T00:05:00.000Z');
      expect(typeof id).toBe('number');
      await store.addRateHit('login', key, '2026-01-01T00:10:00.000Z');
      await store.addRateHit('other', key, '2026-01-01T00:10:00.000Z');
      expect(await store.rateWindow('login', key, '2026-01-01T00:04:00.000Z')).toEqual({
        count: 2,
        first: '2026-01-01T00:05:00.000Z',
        last: '2026-01-01T00:10:00.000Z',
      });
      await store.pruneRateHits('2026-01-01T00:01:00.000Z');
      expect((await store.rateWindow('login', key, '2000-01-01T00:00:00.000Z')).count).toBe(2);
      await store.clearRateHits('login', key);
      expect((await store.rateWindow('login', key, '2000-01-01T00:00:00.000Z')).count).toBe(0);
      expect((await store.rateWindow('other', key, '2000-01-01T00:00:00.000Z')).count).toBe(1);
      // Taking a place is all-or-nothing under the key's lock: 12 at once for 5 places give exactly 5.
      const since = '2026-01-01T00:00:00.000Z';
      const taken = await Promise.all(
        Array.from({ length: 12 }, () =>
          store.takeRateHit('burst', key, '2026-01-01T00:30:00.000Z', since, 5),
        ),
      );
      expect(taken.filter((t) => t.taken)).toHaveLength(5);
      expect(taken.find((t) => !t.taken)).toMatchObject({ count: 5, first: '2026-01-01T00:30:00.000Z' });
    });

    it('reports the last change to a dataset’s records', async () => {
      const { id } = await datasetWith();
      expect(await store.lastChange(id)).toBeNull();
      const a = await store.createAgreement(id, seedLike()[0]!, editor);
      const first = await store.lastChange(id);
      expect(first).toBe(a.createdAt);
      await new Promise((r) => setTimeout(r, 5));
      const n = await store.createNote(id, note('KE', 'note'), editor);
      expect(await store.lastChange(id)).toBe(n.createdAt);
      expect(n.createdAt > first!).toBe(true);
    });
  });
}

describe('openStore', () => {
  it('refuses a bad DATABASE_URL and names both accepted forms', async () => {
    for (const bad of [
      'mysql://localhost/db',
      './data/atlas.db',
      'sqlite:',
      'postgres://h/db?schema=Bad-Name',
    ]) {
      const err = await rejection(openStore(bad));
      expect(err).toBeInstanceOf(DatabaseUrlError);
      expect((err as Error).message).toMatch(/sqlite:PATH.*postgres:\/\//);
    }
  });

  it('creates missing parent folders for a SQLite file and turns on WAL', async () => {
    const db = await tempDatabase('sqlite');
    try {
      const store = await openStore(db.url);
      await store.close();
      const path = db.url.slice('sqlite:'.length);
      expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
      // WAL mode is recorded in the header: file format versions 2/2 at offsets 18 and 19.
      expect([...readFileSync(path).subarray(18, 20)]).toEqual([2, 2]);
    } finally {
      await db.dispose();
    }
  });
});
