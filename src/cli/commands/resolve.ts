import { resolveCountry } from '../../core/countries/index.ts';
import { EXIT_OK } from '../errors.ts';
import { type Out, printJson, readStdin } from '../output.ts';

export async function resolveCommand(names: string[], opts: { json?: boolean }, out: Out): Promise<number> {
  const inputs = names.length > 0 ? names : (await readStdin()).split(/\r?\n/).filter((l) => l.trim() !== '');
  const results = inputs.map((n) => resolveCountry(n));
  if (opts.json) {
    printJson(out, results);
    return EXIT_OK;
  }
  for (const r of results) {
    const what =
      r.iso2 !== null
        ? `${r.iso2}  ${r.name}`
        : r.successors
          ? `dissolved; now ${r.successors.join(', ')}`
          : r.candidates?.length
            ? `could be ${r.candidates.map((c) => `${c.name} (${c.iso2})`).join(', ')}`
            : 'no match';
    const how =
      r.match + (r.distance !== undefined ? `, ${r.distance} edit${r.distance === 1 ? '' : 's'}` : '');
    out.stdout(`${r.input}\t→ ${what}  [${how}]${r.note ? `  ${r.note}` : ''}\n`);
  }
  return EXIT_OK;
}
