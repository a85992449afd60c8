import type { Dataset } from '../../core/schemas.ts';
import { computeStats, type Stats } from '../../core/stats.ts';
import { parseFile } from '../../formats/index.ts';
import { fileConfig, parseDatasetId, readInputFile, storeDataset, withStore } from '../context.ts';
import { EXIT_DATA, EXIT_OK } from '../errors.ts';
import { type Out, printJson, printProblems } from '../output.ts';

export type StatsOptions = { json?: boolean; dataset?: string; config?: string };

export async function statsCommand(file: string | undefined, opts: StatsOptions, out: Out): Promise<number> {
  let dataset: Dataset;
  let stats: Stats;
  let notes: number;
  if (file !== undefined) {
    const config = await fileConfig(opts.config);
    const parsed = await parseFile(await readInputFile(file), file, config);
    if (parsed.errors.length > 0) {
      if (opts.json) printJson(out, { errors: parsed.errors, warnings: parsed.warnings });
      printProblems(out, file, 'error', parsed.errors);
      out.stderr(
        `${file}: ${parsed.errors.length} error(s); fix them and run again (see \`atlas validate ${file}\`)\n`,
      );
      return EXIT_DATA;
    }
    dataset = parsed.dataset ?? config;
    stats = computeStats(dataset, parsed.agreements);
    notes = parsed.notes.length;
  } else {
    const r = await withStore(async (store) => {
      // A read: a database with no dataset yet gets none written (its counts are an empty dataset's).
      const empty = (await store.listDatasets()).length === 0;
      const ds = await storeDataset(store, parseDatasetId(opts.dataset), opts.config, { persist: false });
      return {
        ds,
        empty,
        agreements: await store.listAgreements(ds.id),
        notes: await store.listNotes(ds.id),
      };
    });
    if (r.empty) {
      out.stderr(
        'the database has no dataset yet, so every count is 0: fill it with `atlas import FILE` (or `npm start`, which seeds the shipped dataset); check DATABASE_URL if you expected data here\n',
      );
    }
    dataset = r.ds;
    stats = computeStats(dataset, r.agreements);
    notes = r.notes.length;
  }
  if (opts.json) {
    printJson(out, { ...stats, notes, dataset: dataset.id });
    return EXIT_OK;
  }
  const rows = dataset.categories.map(
    (c) =>
      [c.label, stats.counts[c.id] ?? 0, c.count === 'partners' ? 'partner countries' : 'records'] as const,
  );
  const width = Math.max(...rows.map((r) => r[0].length), 'Partner countries'.length);
  out.stdout(`${dataset.title} (${dataset.id})\n`);
  for (const [label, n, rule] of rows)
    out.stdout(`  ${label.padEnd(width)}  ${String(n).padStart(6)}  (${rule})\n`);
  out.stdout(`  ${'Partner countries'.padEnd(width)}  ${String(stats.partners).padStart(6)}\n`);
  out.stdout(`  ${'Research notes'.padEnd(width)}  ${String(notes).padStart(6)}\n`);
  return EXIT_OK;
}
