import { createInflateRaw } from 'node:zlib';
import { limitAdvice, limitText, type UploadLimits } from './limits.ts';

// A zip bomb (a 200 KB .xlsx whose sheet unzips to 200 MB) must be refused before a reader inflates it whole.
// This reads the zip's central directory, then inflates each part as a stream (native zlib: ~3× fflate's pure-JS
// speed, which decides how fast a bomb is refused), counting decompressed bytes per part and in total, parts, and
// a sheet's rows (<row> elements), and stops at the first limit passed. Output is discarded as it comes, so
// memory stays at one chunk's worth. A zip this cannot walk is left to the real reader, which reports it.

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW = Buffer.from('<row');

type Entry = { name: string; method: number; data: Uint8Array };

/** The parts of a zip from its central directory, or null when it cannot be read that way. */
function entries(bytes: Uint8Array): Entry[] | 'zip64' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return 'zip64';
  const out: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (compressed === 0xffffffff || local === 0xffffffff) return 'zip64';
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) return null;
    out.push({ name, method, data: bytes.subarray(start, start + compressed) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Counts "<row " / "<row>" (not "<rowBreaks") in a sheet's XML as it streams by. */
function rowCounter(): (chunk: Buffer) => number {
  let rows = 0;
  let tail = Buffer.alloc(0);
  return (chunk) => {
    // The last bytes of a chunk are kept to find a tag split across two.
    const buf = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    for (let at = buf.indexOf(ROW); at >= 0 && at + 4 < buf.length; at = buf.indexOf(ROW, at + 4)) {
      const next = buf[at + 4];
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) rows += 1;
    }
    tail = Buffer.from(buf.subarray(Math.max(0, buf.length - 4)));
    return rows;
  };
}

/** A message naming the first limit the workbook passes, or null when it is within all of them. */
export async function zipLimitProblem(bytes: Uint8Array, limits: UploadLimits): Promise<string | null> {
  const parts = entries(bytes);
  if (parts === 'zip64') {
    return `the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), which no dataset sheet needs; ${limitAdvice('unzippedBytes')}`;
  }
  if (parts === null) return null;
  if (parts.length > limits.zipEntries) {
    return `the workbook has more than ${limitText('zipEntries', limits.zipEntries)} parts; ${limitAdvice('zipEntries')}`;
  }
  let total = 0;
  for (const part of parts) {
    if (part.method !== 0 && part.method !== 8) continue;
    const count = SHEET.test(part.name) ? rowCounter() : null;
    const problem = await new Promise<string | null>((resolve) => {
      let size = 0;
      let done = false;
      const finish = (p: string | null): void => {
        if (done) return;
        done = true;
        resolve(p);
      };
      const take = (chunk: Buffer): string | null => {
        size += chunk.length;
        total += chunk.length;
        if (size > limits.unzippedEntryBytes) {
          return `the workbook's part ${part.name} unzips to more than ${limitText('unzippedEntryBytes', limits.unzippedEntryBytes)}; ${limitAdvice('unzippedEntryBytes')}`;
        }
        if (total > limits.unzippedBytes) {
          return `the workbook unzips to more than ${limitText('unzippedBytes', limits.unzippedBytes)}; ${limitAdvice('unzippedBytes')}`;
        }
        if (count !== null && count(chunk) > limits.rows) {
          return `the sheet ${part.name} has more than ${limitText('rows', limits.rows)} rows; ${limitAdvice('rows')}`;
        }
        return null;
      };
      if (part.method === 0) {
        finish(take(Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength)));
        return;
      }
      const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
      inflate.on('data', (chunk: Buffer) => {
        const p = take(chunk);
        if (p !== null) {
          inflate.destroy();
          finish(p);
        }
      });
      // A damaged part is the real reader's to report.
      inflate.on('error', () => finish(null));
      inflate.on('end', () => finish(null));
      inflate.on('close', () => finish(null));
      inflate.end(part.data);
    });
    if (problem !== null) return problem;
  }
  return null;
}
