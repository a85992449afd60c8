import { EXIT_DATA } from '../errors.ts';
import type { Out } from '../output.ts';

export async function bakeCommand(_opts: { out: string; dataset?: string }, out: Out): Promise<number> {
  out.stderr('atlas bake: not available yet\n');
  return EXIT_DATA;
}
