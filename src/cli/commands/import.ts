import { basename } from 'node:path';
import { type ImportPlan, planImport } from '../../core/diff.ts';
import type { Dataset } from '../../core/schemas.ts';
import { parseFile } from '../../formats/index.ts';
import { parseDatasetId, readInputFile, storeDataset, withStore } from '../context.ts';
import { EXIT_DATA, EXIT_OK } from '../errors.ts';
import { type Out, printJson, printProblems } from '../output.ts';
import { phases } from '../progress.ts';

export type ImportOptions = {
  dryRun?: boolean;
  json?: boolean;
  dataset?: string;
  config?: string;
  actor?: string;
};

export type ImportReport = {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  notes: { added: number; changed: number; removed: number };
  dataset: string;
  dryRun: boolean;
  warnings: ImportProblem[];
  errors: ImportProblem[];
  changes: Array<{ id: string; fields: string[] }>;
  removedIds: string[];
};
type ImportProblem = { line: number | null; column: string | null; message: string };

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

export async function importCommand(file: string, opts: ImportOptions, out: Out): Promise<number> {
  const progress = phases(out, ['reading', 'parsing', 'comparing', 'writing'], !opts.json);
  const bytes = await readInputFile(file);
  progress.step('parsing');
  const result = await withStore(async (store) => {
    const target = await storeDataset(store, parseDatasetId(opts.dataset), opts.config, { persist: false });
    const parsed = await parseFile(bytes, file, target);
    let dataset: Dataset = target;
    if (parsed.dataset && parsed.errors.length === 0) dataset = parsed.dataset;
    if (parsed.errors.length > 0)
      return report(null, dataset.id, Boolean(opts.dryRun), parsed.warnings, parsed.errors);
    progress.step('comparing');
    const existing = await store.getDataset(dataset.id);
    const [agreements, notes] = existing
      ? await Promise.all([store.listAgreements(dataset.id), store.listNotes(dataset.id)])
      : [[], []];
    const plan = planImport({ agreements, notes }, { agreements: parsed.agreements, notes: parsed.notes });
    if (!opts.dryRun) {
      progress.step('writing');
      const by = { actor: opts.actor ?? 'cli', reason: `import of ${basename(file)}` };
      if (!existing || JSON.stringify(existing) !== JSON.stringify(dataset))
        await store.putDataset(dataset, by);
      await store.applyImport(dataset.id, plan, by);
    }
    return report(plan, dataset.id, Boolean(opts.dryRun), parsed.warnings, []);
  });
  progress.done();
  if (opts.json) printJson(out, result);
  else {
    printProblems(out, file, 'warning', result.warnings);
    printProblems(out, file, 'error', result.errors);
    if (result.errors.length > 0) {
      out.stderr(
        `${file}: ${result.errors.length} error(s); nothing was imported. Fix them and run again.\n`,
      );
    } else {
      const verb = result.dryRun ? 'would be' : 'were';
      out.stdout(
        `${result.added} added, ${result.changed} changed, ${result.removed} removed, ${result.unchanged} unchanged ` +
          `(notes: ${result.notes.added} added, ${result.notes.changed} changed, ${result.notes.removed} removed) ` +
          `${result.dryRun ? '— dry run, nothing written' : `into dataset ${result.dataset}`}\n`,
      );
      for (const c of result.changes.slice(0, 20)) out.stdout(`  changed ${c.id}: ${c.fields.join(', ')}\n`);
      for (const id of result.removedIds.slice(0, 20))
        out.stdout(`  removed ${id} (not in the file; records missing from an import ${verb} removed)\n`);
    }
  }
  return result.errors.length > 0 ? EXIT_DATA : EXIT_OK;
}
