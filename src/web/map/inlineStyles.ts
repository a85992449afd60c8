import type { SvgNode } from './svg.ts';

// A standalone SVG carries its look as presentation attributes, not as a <style> element: a page with a strict
// CSP (style-src 'self') refuses the <style> of an SVG it draws for the PNG download, and some SVG viewers and
// editors ignore <style> altogether. This applies the theme's class rules to the tree, in stylesheet order.

type Rule = { cls: string; children: boolean; decls: Array<[string, string]> };

// Properties with no meaning in a still image.
const SKIP = new Set(['cursor', 'outline', 'pointer-events']);

export function parseClassRules(css: string): Rule[] {
  const rules: Rule[] = [];
  // Media queries (the dark palette of the 'auto' theme) do not apply to a still image of a chosen theme.
  const flat = css.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  for (const m of flat.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = m[1]!.trim();
    const sel = /^\.([\w-]+)(>\*)?$/.exec(selector);
    if (!sel) continue; // pseudo-classes (:focus) and media queries do not apply to a still image
    const decls = m[2]!
      .split(';')
      .map((d) => d.split(':').map((s) => s.trim()) as [string, string])
      .filter(([k, v]) => k && v !== undefined && !SKIP.has(k) && !v.startsWith('var('))
      .map(([k, v]) => [k, v] as [string, string]);
    if (decls.length > 0) rules.push({ cls: sel[1]!, children: Boolean(sel[2]), decls });
  }
  return rules;
}

function classes(node: SvgNode): string[] {
  const c = node.attrs.class;
  return typeof c === 'string' ? c.split(/\s+/) : [];
}

export function inlineClassStyles(root: SvgNode, css: string): SvgNode {
  const rules = parseClassRules(css);
  const visit = (node: SvgNode, parent: SvgNode | null): SvgNode => {
    const own = classes(node);
    const parentClasses = parent ? classes(parent) : [];
    const attrs: Record<string, string | number | undefined> = { ...node.attrs };
    for (const r of rules) {
      const applies = r.children ? parentClasses.includes(r.cls) : own.includes(r.cls);
      if (applies) for (const [k, v] of r.decls) attrs[k] = v;
    }
    return {
      ...node,
      attrs,
      children: node.children.map((c) => (typeof c === 'string' ? c : visit(c, node))),
    };
  };
  return visit(root, null);
}
