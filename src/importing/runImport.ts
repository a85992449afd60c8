import { z } from 'zod';
import { type ImportPlan, planImport } from '../core/diff.ts';
import type { Dataset } from '../core/schemas.ts';
import { parseFile } from '../formats/index.ts';
import type { Actor, Store } from '../store/types.ts';

// One import, for `atlas import` and the editor API alike: parse the file with the dataset's configuration,
// compare it with the database, and — unless it is a dry run or the file has errors — apply the plan in one
// transaction. The report is what both print (DESIGN.md: added / changed / removed, warnings, errors).

const ImportProblemSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

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
  changes: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
  removedIds: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export type ImportRequest = {
  bytes: Uint8Array;
  fileName: string;
  /** The dataset the file is read for (and written to, unless the file is a JSON document of another). */
  target: Dataset;
  dryRun: boolean;
  by: Actor;
  /** Refuse a JSON document of another dataset instead of importing it into that one. */
  sameDataset?: boolean;
  /** Called as the work moves on (for a progress display). */
  onPhase?: (phase: 'parsing' | 'comparing' | 'writing') => void;
};

function report(
  plan: ImportPlan | null,
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
    changes: plan?.changed.map((c) => ({ id: c.id, fields: c.fields.map((f) => f.field) })) ?? [],
    removedIds: plan?.removed.map((r) => r.id) ?? [],
  };
}

export async function runImport(store: Store, req: ImportRequest): Promise<ImportReport> {
  req.onPhase?.('parsing');
  const parsed = await parseFile(req.bytes, req.fileName, req.target);
  let dataset: Dataset = req.target;
  if (parsed.dataset && parsed.errors.length === 0) dataset = parsed.dataset;
  if (parsed.errors.length > 0) return report(null, dataset.id, req.dryRun, parsed.warnings, parsed.errors);
  if (req.sameDataset && dataset.id !== req.target.id) {
    const message = `the file is the document of dataset "${dataset.id}", not of "${req.target.id}"; import it into its own dataset`;
    return report(null, req.target.id, req.dryRun, parsed.warnings, [{ line: null, column: null, message }]);
  }
  req.onPhase?.('comparing');
  const existing = await store.getDataset(dataset.id);
  const [agreements, notes] = existing
    ? await Promise.all([store.listAgreements(dataset.id), store.listNotes(dataset.id)])
    : [[], []];
  const plan = planImport({ agreements, notes }, { agreements: parsed.agreements, notes: parsed.notes });
  if (!req.dryRun) {
    req.onPhase?.('writing');
    if (!existing || JSON.stringify(existing) !== JSON.stringify(dataset))
      await store.putDataset(dataset, req.by);
    await store.applyImport(dataset.id, plan, req.by);
  }
  return report(plan, dataset.id, req.dryRun, parsed.warnings, []);
}
