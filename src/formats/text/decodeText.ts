import type { Problem } from '../../core/report.ts';
import { binaryAdvice, sniffBytes } from './sniffBytes.ts';

// Text must be UTF-8, or UTF-16 with its byte-order mark (what Excel writes as "Unicode Text"): both are
// known for certain, not guessed. A file in another encoding is refused, not guessed at: a wrong guess silently
// corrupts names and comments, and the researcher can re-save in seconds.

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** UTF-16 text with its byte-order mark; malformed (an unpaired surrogate, an odd length) is refused. */
function decodeUtf16(bytes: Uint8Array): Decoded {
  const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    if (!text.includes('\0')) return { ok: true, text };
  } catch {}
  return {
    ok: false,
    problem: {
      line: null,
      column: null,
      message:
        'the file starts like UTF-16 ("Unicode Text") but is not valid UTF-16 text; save it as UTF-8 (in Excel: ' +
        '"CSV UTF-8") and import it again',
    },
  };
}

/** Decodes UTF-8 text, or UTF-16 with a byte-order mark (a leading BOM is dropped); refuses binary files and
 * other encodings. */
export function decodeText(bytes: Uint8Array): Decoded {
  const kind = sniffBytes(bytes);
  if (kind === 'utf16') return decodeUtf16(bytes);
  if (kind !== 'text')
    return { ok: false, problem: { line: null, column: null, message: binaryAdvice(kind) } };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      problem: {
        line: lineAt(bytes, bad),
        column: null,
        message:
          `the file is not UTF-8 text (byte 0x${byte} at offset ${bad} is not valid UTF-8; it was probably saved as ` +
          'Windows-1252 or Latin-1). Save it as UTF-8 (in Excel: "CSV UTF-8"; in LibreOffice: character set ' +
          '"Unicode (UTF-8)") and import it again',
      },
    };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
