import { unzipSync } from 'fflate';

// The web addresses behind hyperlinked cells of a workbook, which read-excel-file does not return: a researcher
// often pastes a source as a link whose text is "NDTV" or "Source". Both kinds are read: a cell hyperlink (the
// sheet's <hyperlink ref="C5" r:id="rId3"/> with an external target in the sheet's relationships) and a
// HYPERLINK("https://…", "text") formula. Links to places inside the workbook are not addresses and are ignored.

/** A cell's link; `label` is a HYPERLINK formula's literal label (for workbooks saved without computed values). */
export type CellLink = { url: string; label?: string };

/** Per sheet name: row number (1-based) → column index (0-based) → the link. */
export type SheetLinks = Map<string, Map<number, Map<number, CellLink>>>;

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return XML_ENTITIES[e.toLowerCase()] ?? _;
  });
}

export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : null;
}

/** "C5" → [5, 2]. */
export function cellRef(ref: string): [row: number, col: number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col - 1];
}

/** Relationship id → target, for one .rels part. */
export function relationships(
  xml: string | undefined,
): Map<string, { target: string; external: boolean; type: string }> {
  const out = new Map<string, { target: string; external: boolean; type: string }>();
  for (const m of (xml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target !== null)
      out.set(id, {
        target,
        external: attr(m[0], 'TargetMode') === 'External',
        type: attr(m[0], 'Type') ?? '',
      });
  }
  return out;
}

/** A part path relative to the folder of `from` ("xl/workbook.xml" + "worksheets/sheet1.xml"). */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Every cell of a range "B2:C4" (capped: a link over a whole column is not a cell's link). */
function cellsOf(ref: string): Array<[number, number]> {
  const [a, b] = ref.split(':');
  const start = cellRef(a ?? '');
  const end = b ? cellRef(b) : start;
  if (!start || !end) return [];
  const out: Array<[number, number]> = [];
  for (let r = start[0]; r <= end[0] && out.length < 10_000; r++)
    for (let c = start[1]; c <= end[1] && out.length < 10_000; c++) out.push([r, c]);
  return out;
}

function sheetLinks(xml: string, rels: ReturnType<typeof relationships>): Map<number, Map<number, CellLink>> {
  const links = new Map<number, Map<number, CellLink>>();
  const put = (row: number, col: number, link: CellLink): void => {
    const r = links.get(row) ?? new Map<number, CellLink>();
    links.set(row, r);
    if (!r.has(col)) r.set(col, link);
  };
  for (const m of xml.matchAll(/<(?:\w+:)?hyperlink\b[^>]*>/g)) {
    const ref = attr(m[0], 'ref');
    const id = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const rel = id ? rels.get(id) : undefined;
    if (!ref || !rel?.external) continue;
    for (const [row, col] of cellsOf(ref)) put(row, col, { url: rel.target });
  }
  // HYPERLINK("address", …) formulas; a formula that computes its address is not read.
  if (/HYPERLINK\(/i.test(xml))
    for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const body = m[2];
      if (!body) continue;
      const formula = /<(?:\w+:)?f\b[^>]*>([^<]*)</.exec(body)?.[1];
      const f =
        formula &&
        /^\s*=?\s*(?:_xlfn\.)?HYPERLINK\(\s*"((?:[^"]|"")*)"(?:\s*[,;]\s*"((?:[^"]|"")*)")?/i.exec(
          unescapeXml(formula),
        );
      const ref = attr(m[1]!, 'r');
      const at = ref ? cellRef(ref) : null;
      const unquote = (s: string | undefined): string | undefined => s?.replace(/""/g, '"');
      if (f && at) put(at[0], at[1], { url: unquote(f[1])!, label: unquote(f[2]) });
    }
  return links;
}

/** The hyperlinks of every sheet, by sheet name; an unreadable workbook gives none (the cell reader reports it). */
export function readXlsxHyperlinks(bytes: Uint8Array): SheetLinks {
  const out: SheetLinks = new Map();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels'),
    });
  } catch {
    return out;
  }
  const text = (path: string): string | undefined => {
    const f = files[path];
    return f ? new TextDecoder().decode(f) : undefined;
  };
  const workbookPath = 'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (!workbook) return out;
  const workbookRels = relationships(text(relsPathOf(workbookPath)));
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    const rel = id ? workbookRels.get(id) : undefined;
    if (name === null || !rel) continue;
    const part = resolvePart(workbookPath, rel.target);
    const xml = text(part);
    if (!xml || !/<(?:\w+:)?(?:hyperlink\b|f\b)/.test(xml)) continue;
    const links = sheetLinks(xml, relationships(text(relsPathOf(part))));
    if (links.size > 0) out.set(name, links);
  }
  return out;
}
