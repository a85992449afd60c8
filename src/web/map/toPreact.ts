import { Component, type ComponentChild, h, type JSX } from 'preact';
import type { SvgNode } from './svg.ts';

/**
 * Turns the shared element tree into Preact elements (attributes are passed as they are: `tabindex`, `class`).
 * Numbers become strings as the server wrote them, so the first render over the server's map finds every
 * attribute equal and sets none again (setting one, even to the same value, costs a style recalculation).
 */
export function toPreact(node: SvgNode | string): ComponentChild {
  if (typeof node === 'string') return node;
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    props[name] = typeof value === 'number' ? String(value) : value;
  }
  if (node.key !== undefined) props.key = node.key;
  return h(node.tag, props, ...node.children.map(toPreact));
}

/**
 * Renders a tree and re-renders it only when given a different tree object: the map reuses unchanged layers
 * (the country shapes during a zoom gesture or a hover), so those frames do not touch them.
 */
export class Layer extends Component<{ node: SvgNode }> {
  override shouldComponentUpdate(next: { node: SvgNode }): boolean {
    return next.node !== this.props.node;
  }
  override render(): JSX.Element {
    return toPreact(this.props.node) as JSX.Element;
  }
}
