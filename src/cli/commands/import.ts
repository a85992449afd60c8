import { basename } from 'node:path';
import { runImport } from '../../importing/runImport.ts';
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

export async function importCommand(file: string, opts: ImportOptions, out: Out): Promise<number> {
  const progress = phases(out, ['reading', 'parsing', 'comparing', 'writing'], !opts.json);
  const bytes = await readInputFile(file);
  const result = await withStore(async (store) =>
    runImport(store, {
      bytes,
      fileName: file,
      target: await storeDataset(store, parseDatasetId(opts.dataset), opts.config, { persist: false }),
      dryRun: Boolean(opts.dryRun),
      by: { actor: opts.actor ?? 'cli', reason: `import of ${basename(file)}` },
      onPhase: (phase) => progress.step(phase),
    }),
  );
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
