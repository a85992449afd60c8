// A tiny element tree: the map is built once as data, then either serialised to a standalone SVG string
// (render.ts) or turned into Preact elements (WorldMap.tsx), so both show exactly the same structure.

export type SvgAttrs = Readonly<Record<string, string | number | undefined>>;

export type SvgNode = {
  tag: string;
  attrs: SvgAttrs;
  children: readonly (SvgNode | string)[];
  /** Stable identity for keyed lists (Preact keys); not serialised. */
  key?: string;
};

export function el(tag: string, attrs: SvgAttrs = {}, children: readonly (SvgNode | string)[] = []): SvgNode {
  return { tag, attrs, children };
}

export function keyed(node: SvgNode, key: string): SvgNode {
  return { ...node, key };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function attrsToString(attrs: SvgAttrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** Serialises a tree as XML: every attribute value and text node is escaped. */
export function toSvgString(node: SvgNode | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const open = `<${node.tag}${attrsToString(node.attrs)}`;
  if (node.children.length === 0) return `${open}/>`;
  return `${open}>${node.children.map(toSvgString).join('')}</${node.tag}>`;
}
