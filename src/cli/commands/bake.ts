import { resolve } from 'node:path';
import { BakeError, bakeSite, ensureWebBuild } from '../../bake/index.ts';
import { parseDatasetId, withStore } from '../context.ts';
import { DataError, EXIT_OK } from '../errors.ts';
import type { Out } from '../output.ts';

export async function bakeCommand(
  opts: { out: string; dataset?: string; siteUrl?: string },
  out: Out,
): Promise<number> {
  const outDir = resolve(opts.out);
  const defaultDataset = parseDatasetId(opts.dataset);
  await ensureWebBuild((line) => out.stderr(`${line}\n`));
  const result = await withStore(async (store) => {
    try {
      return await bakeSite({
        store,
        outDir,
        ...(defaultDataset ? { defaultDataset } : {}),
        ...(opts.siteUrl ? { siteUrl: opts.siteUrl } : {}),
      });
    } catch (e) {
      if (e instanceof BakeError) throw new DataError(e.message);
      throw e;
    }
  });
  out.stdout(
    `baked ${result.datasets.join(', ')} into ${result.outDir}: ${result.files} files, ` +
      `${(result.bytes / 1024).toFixed(0)} KB (${(result.gzipBytes / 1024).toFixed(0)} KB gzip)\n`,
  );
  return EXIT_OK;
}
