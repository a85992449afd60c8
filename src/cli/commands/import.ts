import { basename } from 'node:path';
import { categoryNamer, fieldValueText, partnerNames } from '../../core/changeText.ts';
import type { Dataset } from '../../core/schemas.ts';
import { BASIS_CHANGED, type ImportReport, runImport } from '../../importing/runImport.ts';
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
  /** Apply only while the dataset is in this state (a dry run's "basis"). */
  basis?: string;
  /** Why: stored on every revision the import writes. */
  reason?: string;
};

const LIST = 20;

/** The named lines of a report: "Changed: Germany · MoUs · date: Aug 2015 → Sep 2015". */
export function reportLines(result: ImportReport, dataset: Pick<Dataset, 'categories'>): string[] {
  const category = categoryNamer(dataset.categories);
  const out: string[] = [];
  const more = (n: number, what: string): void => {
    if (n > LIST) out.push(`  … and ${n - LIST} more ${what} (--json lists them all)`);
  };
  for (const c of result.changes.slice(0, LIST)) {
    const diff = c.diff
      .map(
        (d) =>
          `${d.field}: ${fieldValueText(d.field, d.before, category)} → ${fieldValueText(d.field, d.after, category)}`,
      )
      .join('; ');
    out.push(`Changed: ${partnerNames(c.partners)} · ${category(c.category)} · ${diff}`);
  }
  more(result.changes.length, 'changed');
  for (const a of result.addedRecords.slice(0, LIST)) {
    const line = a.line === null ? '' : ` (line ${a.line})`;
    out.push(`Added: ${partnerNames(a.partners)} · ${category(a.category)} · ${a.date || 'no date'}${line}`);
  }
  more(result.addedRecords.length, 'added');
  const verb = result.dryRun ? 'would be' : 'were';
  for (const r of result.removedRecords.slice(0, LIST))
    out.push(
      `Removed: ${partnerNames(r.partners)} · ${category(r.category)} · ${r.date || 'no date'} (${r.id}; not in the file, so it ${verb} removed)`,
    );
  more(result.removedRecords.length, 'removed');
  return out;
}

export async function importCommand(file: string, opts: ImportOptions, out: Out): Promise<number> {
  const progress = phases(out, ['reading', 'parsing', 'comparing', 'writing'], !opts.json);
  const bytes = await readInputFile(file);
  let target: Dataset | undefined;
  const result = await withStore(async (store) => {
    target = await storeDataset(store, parseDatasetId(opts.dataset), opts.config, { persist: false });
    return runImport(store, {
      bytes,
      fileName: file,
      target,
      dryRun: Boolean(opts.dryRun),
      by: { actor: opts.actor ?? 'cli', reason: opts.reason?.trim() || `import of ${basename(file)}` },
      basis: opts.basis,
      onPhase: (phase) => progress.step(phase),
    });
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
      if (result.basisChanged) out.stderr(`${file}: ${BASIS_CHANGED}. The new preview:\n`);
      const dry = result.dryRun ? '— dry run, nothing written' : `into dataset ${result.dataset}`;
      out.stdout(
        `${result.added} added, ${result.changed} changed, ${result.removed} removed, ${result.unchanged} unchanged ` +
          `(notes: ${result.notes.added} added, ${result.notes.changed} changed, ${result.notes.removed} removed) ` +
          `${dry}\n`,
      );
      for (const line of reportLines(result, target ?? { categories: [] })) out.stdout(`  ${line}\n`);
      if (result.dryRun && result.basis)
        out.stdout(`To import exactly this: atlas import ${file} --basis ${result.basis}\n`);
    }
  }
  return result.errors.length > 0 || result.basisChanged ? EXIT_DATA : EXIT_OK;
}
