import { z } from 'zod';
import { type ImportPlan, planImport } from '../core/diff.ts';
import { formatPartialIso } from '../core/partialDate.ts';
import type { Dataset, PartialDate } from '../core/schemas.ts';
import { parseFile } from '../formats/index.ts';
import { type Actor, BasisChangedError, type Store } from '../store/types.ts';

// One import, for `atlas import` and the editor API alike: parse the file with the dataset's configuration,
// compare it with the database, and — unless it is a dry run or the file has errors — apply the plan in one
// transaction. The report is what both print (DESIGN.md: added / changed / removed, warnings, errors).

const ImportProblemSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

const FieldDiffSchema = z.object({
  /** A field of the record (AgreementContent's key: title, date, summary, sources, flags, status …). */
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** What an import did or would do: what `atlas import --json` prints and the editor API answers. */
export const ImportReportSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  notes: z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
  dataset: z.string(),
  dryRun: z.boolean(),
  warnings: z.array(ImportProblemSchema),
  errors: z.array(ImportProblemSchema),
  changes: z.array(
    z.object({
      id: z.string(),
      fields: z.array(z.string()),
      category: z.string(),
      /** ISO codes. */
      partners: z.array(z.string()),
      /** Each changed field, its stored value and the value the import gives it. */
      diff: z.array(FieldDiffSchema),
    }),
  ),
  removedIds: z.array(z.string()),
  /** The records the import adds: category, partners, the date as written, and the file's line (null: JSON). */
  addedRecords: z.array(
    z.object({
      category: z.string(),
      partners: z.array(z.string()),
      date: z.string(),
      line: z.number().int().nullable(),
    }),
  ),
  /** The stored records the import removes (the file does not have them). */
  removedRecords: z.array(
    z.object({ id: z.string(), category: z.string(), partners: z.array(z.string()), date: z.string() }),
  ),
  /**
   * The dataset state the report was computed on (opaque). Apply the previewed plan with `--basis` / `?basis=`:
   * it is applied only while the dataset is still in this state.
   */
  basis: z.string().optional(),
  /** True when an apply with a basis was refused because the dataset changed since; the report is the new preview. */
  basisChanged: z.boolean().optional(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** The message of a refused apply (CLI and API alike). */
export const BASIS_CHANGED =
  'the dataset changed since the preview; nothing was imported. Check the new preview and import again';

export type ImportRequest = {
  bytes: Uint8Array;
  fileName: string;
  /** The dataset the file is read for (and written to, unless the file is a JSON document of another). */
  target: Dataset;
  dryRun: boolean;
  by: Actor;
  /** Refuse a JSON document of another dataset instead of importing it into that one. */
  sameDataset?: boolean;
  /** Apply only if the dataset is still in this state (the `basis` of the dry run that was approved). */
  basis?: string;
  /** Called as the work moves on (for a progress display). */
  onPhase?: (phase: 'parsing' | 'comparing' | 'writing') => void;
};

const dateOf = (d: PartialDate): string => d.text || formatPartialIso(d);

function report(
  plan: ImportPlan | null,
  lines: ReadonlyArray<number | null>,
  dataset: string,
  dryRun: boolean,
  warnings: ImportProblem[],
  errors: ImportProblem[],
): ImportReport {
  return {
    added: plan?.added.length ?? 0,
    changed: plan?.changed.length ?? 0,
    removed: plan?.removed.length ?? 0,
    unchanged: plan?.unchanged ?? 0,
    notes: {
      added: plan?.notes.added.length ?? 0,
      changed: plan?.notes.changed.length ?? 0,
      removed: plan?.notes.removed.length ?? 0,
    },
    dataset,
    dryRun,
    warnings,
    errors,
    changes:
      plan?.changed.map((c) => ({
        id: c.id,
        fields: c.fields.map((f) => f.field),
        category: c.after.category,
        partners: c.after.partners,
        diff: c.fields,
      })) ?? [],
    removedIds: plan?.removed.map((r) => r.id) ?? [],
    addedRecords:
      plan?.added.map((a) => ({
        category: a.content.category,
        partners: a.content.partners,
        date: dateOf(a.content.date),
        line: a.index === undefined ? null : (lines[a.index] ?? null),
      })) ?? [],
    removedRecords:
      plan?.removed.map((r) => ({
        id: r.id,
        category: r.before.category,
        partners: r.before.partners,
        date: dateOf(r.before.date),
      })) ?? [],
  };
}

export async function runImport(store: Store, req: ImportRequest): Promise<ImportReport> {
  req.onPhase?.('parsing');
  const parsed = await parseFile(req.bytes, req.fileName, req.target);
  const lines = parsed.lines.agreements;
  let dataset: Dataset = req.target;
  if (parsed.dataset && parsed.errors.length === 0) dataset = parsed.dataset;
  if (parsed.errors.length > 0)
    return report(null, lines, dataset.id, req.dryRun, parsed.warnings, parsed.errors);
  if (req.sameDataset && dataset.id !== req.target.id) {
    const message = `the file is the document of dataset "${dataset.id}", not of "${req.target.id}"; import it into its own dataset`;
    return report(null, lines, req.target.id, req.dryRun, parsed.warnings, [
      { line: null, column: null, message },
    ]);
  }
  req.onPhase?.('comparing');
  // The basis is read before the records: a write in between makes the preview look older than it is, so an
  // apply with it is refused (never the other way round).
  const basis = await store.datasetBasis(dataset.id);
  const refused = (): Promise<ImportReport> =>
    runImport(store, { ...req, dryRun: true, basis: undefined }).then((r) => ({ ...r, basisChanged: true }));
  if (!req.dryRun && req.basis !== undefined && req.basis !== basis) return refused();
  const existing = await store.getDataset(dataset.id);
  const [agreements, notes] = existing
    ? await Promise.all([store.listAgreements(dataset.id), store.listNotes(dataset.id)])
    : [[], []];
  const plan = planImport(
    { agreements, notes },
    { agreements: parsed.agreements, notes: parsed.notes },
    parsed.carries,
  );
  if (!req.dryRun) {
    req.onPhase?.('writing');
    let expected = req.basis === undefined ? undefined : basis;
    if (!existing || JSON.stringify(existing) !== JSON.stringify(dataset)) {
      await store.putDataset(dataset, req.by);
      // That put is a write of its own: the apply checks for others' writes from here on.
      if (expected !== undefined) expected = await store.datasetBasis(dataset.id);
    }
    try {
      await store.applyImport(dataset.id, plan, req.by, { basis: expected });
    } catch (e) {
      if (e instanceof BasisChangedError) return refused();
      throw e;
    }
  }
  const out = report(plan, lines, dataset.id, req.dryRun, parsed.warnings, []);
  out.basis = req.dryRun ? basis : await store.datasetBasis(dataset.id);
  return out;
}
