import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { writeBackup } from '../../store/index.ts';
import { withStore } from '../context.ts';
import { DataError, EXIT_OK } from '../errors.ts';
import type { Out } from '../output.ts';

// `atlas backup --out FILE`: the whole database but sessions (src/store/backup.ts), gzip'd when FILE ends in .gz.
// It is written to FILE.partial and renamed at the end, so a failed backup never leaves a file that looks whole.

function waitFor(stream: WriteStream | Gzip, event: 'drain' | 'finish' | 'close'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    stream.once('error', onError);
    stream.once(event, () => {
      stream.off('error', onError);
      resolve();
    });
  });
}

export async function backupCommand(opts: { out: string }, out: Out): Promise<number> {
  const target = opts.out;
  const partial = `${target}.partial`;
  const file = createWriteStream(partial);
  const gzip = target.endsWith('.gz') ? createGzip({ level: 6 }) : null;
  if (gzip) gzip.pipe(file);
  const sink = gzip ?? file;
  const fileClosed = waitFor(file, 'close');
  fileClosed.catch(() => {});
  try {
    const summary = await withStore((store) =>
      writeBackup(store, async (text) => {
        if (!sink.write(text)) await waitFor(sink, 'drain');
      }),
    );
    sink.end();
    await fileClosed;
    await rename(partial, target);
    const counts = Object.entries(summary.rows)
      .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
      .join(', ');
    out.stderr(`wrote ${target}: ${counts}\n`);
    return EXIT_OK;
  } catch (e) {
    sink.destroy();
    file.destroy();
    await rm(partial, { force: true });
    if (e instanceof DataError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(
      code && /^E[A-Z]+$/.test(code)
        ? `${target}: cannot write the backup (${code}); check the folder exists and is writable`
        : `the backup failed, no file was written: ${(e as Error).message}`,
    );
  }
}
