import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { DOCUMENT_SCHEMA } from '../../core/schemas.ts';
import { BackupFileError, DatabaseNotEmptyError, restoreBackup } from '../../store/index.ts';
import { withStore } from '../context.ts';
import { DataError, EXIT_OK } from '../errors.ts';
import type { Out } from '../output.ts';

// `atlas restore FILE [--replace]`: fills the database from a backup (plain or gzip'd), in one transaction.
// Files that are something else are named, so the operator knows which command they meant.

/** No row of this store comes near this; a longer "line" means a file that is not a backup. */
const MAX_LINE_CHARS = 256 * 1024 * 1024;

/** What a file that is not a backup is, from its first bytes, or null when it may be one. */
export function foreignFile(head: Buffer, path: string): string | null {
  const text = head.toString('latin1');
  if (text.startsWith('PK\x03\x04')) {
    return `${path}: a zip file (an .xlsx sheet?), not an Accord Atlas backup; import a sheet with atlas import FILE, restore a file written by atlas backup`;
  }
  if (text.startsWith('SQLite format 3\0')) {
    return `${path}: a SQLite database file, not an Accord Atlas backup; use it as it is with DATABASE_URL=sqlite:${path}, or copy it into place while the server is stopped`;
  }
  if (text.startsWith('PGDMP')) {
    return `${path}: a pg_dump archive, not an Accord Atlas backup; restore it with pg_restore`;
  }
  const utf8 = head.toString('utf8').trimStart();
  if (utf8.startsWith('{') && utf8.includes(DOCUMENT_SCHEMA) && !utf8.startsWith('{"format"')) {
    return `${path}: a dataset export (${DOCUMENT_SCHEMA}), not a backup: it has no users or history. Import it with atlas import ${path}, or restore a file written by atlas backup`;
  }
  return null;
}

/** The file's lines without their "\n", decompressed when gzip'd; stream errors become BackupFileError. */
async function* lines(stream: Readable, path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of stream) {
      rest += decoder.write(chunk as Buffer);
      let at = rest.indexOf('\n');
      let from = 0;
      while (at >= 0) {
        yield rest.slice(from, at);
        from = at + 1;
        at = rest.indexOf('\n', from);
      }
      rest = rest.slice(from);
      if (rest.length > MAX_LINE_CHARS) {
        throw new BackupFileError(
          `${path}: not an Accord Atlas backup (no line breaks where lines should be)`,
        );
      }
    }
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    throw new BackupFileError(
      `${path}: the file cannot be read to its end (${(e as Error).message}): it is truncated or damaged; restore from an intact copy (nothing was written)`,
    );
  } finally {
    stream.destroy();
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

async function firstBytes(path: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(
      code === 'ENOENT'
        ? `${path}: file not found; check the path`
        : `${path}: cannot read the file (${code})`,
    );
  }
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    throw new DataError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

export async function restoreCommand(path: string, opts: { replace?: boolean }, out: Out): Promise<number> {
  const head = await firstBytes(path);
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  if (!gzipped) {
    const foreign = foreignFile(head, path);
    if (foreign) throw new DataError(foreign);
  }
  const summary = await withStore(async (store) => {
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    const stream = gzipped ? file.pipe(createGunzip()) : file;
    if (gzipped) file.on('error', (e) => stream.destroy(e));
    try {
      return await restoreBackup(store, lines(stream, path), {
        replace: opts.replace === true,
        source: path,
      });
    } catch (e) {
      if (e instanceof BackupFileError || e instanceof DatabaseNotEmptyError) throw new DataError(e.message);
      throw e;
    }
  });
  const counts = Object.entries(summary.rows)
    .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
    .join(', ');
  out.stderr(`restored ${path}${summary.replaced ? ' (replacing what was there)' : ''}: ${counts}\n`);
  return EXIT_OK;
}
