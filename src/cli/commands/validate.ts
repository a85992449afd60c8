import { computeStats } from '../../core/stats.ts';
import { parseFile } from '../../formats/index.ts';
import { fileConfig, readInputFile } from '../context.ts';
import { EXIT_DATA, EXIT_OK } from '../errors.ts';
import { type Out, printJson, printProblems } from '../output.ts';

export async function validateCommand(
  file: string,
  opts: { json?: boolean; config?: string },
  out: Out,
): Promise<number> {
  const config = await fileConfig(opts.config);
  const parsed = await parseFile(await readInputFile(file), file, config);
  const dataset = parsed.dataset ?? config;
  const stats = computeStats(dataset, parsed.agreements);
  if (opts.json) {
    printJson(out, {
      format: parsed.format,
      agreements: parsed.agreements.length,
      notes: parsed.notes.length,
      counts: stats.counts,
      partners: stats.partners,
      warnings: parsed.warnings,
      errors: parsed.errors,
    });
  } else {
    printProblems(out, file, 'warning', parsed.warnings);
    printProblems(out, file, 'error', parsed.errors);
    const verdict =
      parsed.errors.length === 0
        ? 'valid'
        : `${parsed.errors.length} error(s): it cannot be imported until they are fixed`;
    out.stdout(
      `${file}: ${verdict}; ${parsed.agreements.length} agreements, ${parsed.notes.length} notes, ${parsed.warnings.length} warning(s)\n`,
    );
  }
  return parsed.errors.length === 0 ? EXIT_OK : EXIT_DATA;
}
