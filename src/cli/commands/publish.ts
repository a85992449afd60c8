import { resolve } from 'node:path';
import {
  BakeError,
  ensureWebBuild,
  PublishBusyError,
  type PublishResult,
  publishVersion,
} from '../../bake/index.ts';
import { parseDatasetId, withStore } from '../context.ts';
import { DataError, EXIT_OK } from '../errors.ts';
import { type Out, printJson } from '../output.ts';

// `atlas publish [--note TEXT] [--dataset ID] [--out DIR] [--json]`: records version N+1 of the dataset (what
// the editor's Publish does), then bakes the site into --out, or ATLAS_PUBLISH_DIR, when one is given.

export type PublishCommandOptions = {
  note?: string;
  dataset?: string;
  out?: string;
  siteUrl?: string;
  json?: boolean;
};

function describe(r: PublishResult): string {
  const v = r.version;
  if (!r.created) return `nothing changed since version ${v.number} of ${r.dataset}; no new version\n`;
  const c = v.changes;
  return (
    `published version ${v.number} of ${r.dataset}: ${c.added.length} added, ${c.changed.length} changed, ` +
    `${c.removed.length} removed\n`
  );
}

export async function publishCommand(opts: PublishCommandOptions, out: Out): Promise<number> {
  const dataset = parseDatasetId(opts.dataset);
  const folder = opts.out ?? process.env.ATLAS_PUBLISH_DIR;
  const siteUrl = opts.siteUrl ?? process.env.ATLAS_SITE_URL;
  if (folder) await ensureWebBuild((line) => out.stderr(`${line}\n`));
  const result = await withStore(async (store) => {
    try {
      return await publishVersion({
        store,
        ...(dataset ? { dataset } : {}),
        ...(opts.note ? { note: opts.note } : {}),
        by: 'cli',
        bake: folder
          ? {
              outDir: resolve(folder),
              ...(dataset ? { defaultDataset: dataset } : {}),
              ...(siteUrl ? { siteUrl } : {}),
            }
          : null,
      });
    } catch (e) {
      if (e instanceof BakeError || e instanceof PublishBusyError) throw new DataError(e.message);
      throw e;
    }
  });
  if (opts.json) {
    printJson(out, {
      created: result.created,
      dataset: result.dataset,
      version: result.version,
      baked: result.bake ? { outDir: result.bake.outDir, files: result.bake.files } : null,
    });
    return EXIT_OK;
  }
  out.stdout(describe(result));
  if (result.bake) out.stdout(`baked into ${result.bake.outDir}: ${result.bake.files} files\n`);
  return EXIT_OK;
}
