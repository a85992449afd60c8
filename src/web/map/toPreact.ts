import { type ComponentChild, h } from 'preact';
import type { SvgNode } from './svg.ts';

/** Turns the shared element tree into Preact elements (attributes are passed as they are: `tabindex`, `class`). */
export function toPreact(node: SvgNode | string): ComponentChild {
  if (typeof node === 'string') return node;
  const props: Record<string, unknown> = { ...node.attrs };
  if (node.key !== undefined) props.key = node.key;
  return h(node.tag, props, ...node.children.map(toPreact));
}
