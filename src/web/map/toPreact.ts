import { Component, type ComponentChild, h, type JSX } from 'preact';
import type { SvgNode } from './svg.ts';

/**
 * Turns the shared element tree into Preact elements (attributes are passed as they are: `tabindex`, `class`).
 * Numbers become strings as the server wrote them, so the first render over the server's map finds every
 * attribute equal and sets none again (setting one, even to the same value, costs a style recalculation).
 */
export function toPreact(node: SvgNode | string): ComponentChild {
  if (typeof node === 'string') return node;
  // A keyed node is a list item (a country, a pattern, a marker): its own Layer, so a step that hands back the
  // same node for an unchanged item (mapTree.ts reuses them) skips it without comparing its attributes.
  if (node.key !== undefined) return h(Layer, { key: node.key, node });
  return element(node);
}

function element(node: SvgNode): ComponentChild {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    props[name] = typeof value === 'number' ? String(value) : value;
  }
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
    return element(this.props.node) as JSX.Element;
  }
}
