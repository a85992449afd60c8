import { h, type JSX, type VNode } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import type { CategoryId } from '../../core/ids.ts';
import { comboColor, markColor, patternNode } from '../map/fills.ts';
import type { SvgNode } from '../map/svg.ts';
import { useAtlas } from './atlas.ts';

// The page's category swatch is the map's own fill: the category's colour AND its texture (line direction
// or dots), so a swatch matches what it stands for on the map and reads without colour vision. Colours go in
// SVG presentation attributes, which a strict CSP allows where a style attribute would be refused.

const PREFIX = 'sw';

function toVNode(node: SvgNode | string, key?: number): VNode | string {
  if (typeof node === 'string') return node;
  return h(node.tag, { ...node.attrs, key }, ...node.children.map((c, i) => toVNode(c, i)));
}

/** A category's swatch: the map's fill of that category alone. */
export function CategoryMark(props: { category: CategoryId; size?: number }): JSX.Element | null {
  return <ComboMark categories={[props.category]} size={props.size} />;
}

/** The swatch of a combination of categories (the map's fill), or of "undated only" when `categories` is empty. */
export function ComboMark(props: { categories: readonly string[]; size?: number }): JSX.Element | null {
  const { styles } = useAtlas();
  const size = props.size ?? 16;
  const id = `${PREFIX}${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const key = props.categories.join('.');
  const chosen = useMemo(() => styles.filter((s) => props.categories.includes(s.id)), [styles, key]);
  const pattern = useMemo(
    () => (chosen.length > 0 ? toVNode(patternNode(chosen, PREFIX, id)) : null),
    [chosen, id],
  );
  if (chosen.length === 0) {
    return (
      <svg
        class="mark mark-undated"
        width={size}
        height={size}
        viewBox="0 0 16 16"
        aria-hidden="true"
        focusable="false"
      >
        <rect x="0.5" y="0.5" width="15" height="15" rx="2" />
        <path d="M0 16L16 0M0 0L16 16M0 8L8 0M8 16L16 8M0 8L8 16M8 0L16 8" />
      </svg>
    );
  }
  return (
    <svg class="mark" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <defs>{pattern}</defs>
      <rect
        x="0.5"
        y="0.5"
        width="15"
        height="15"
        rx="2"
        fill={`url(#${id})`}
        stroke={markColor(comboColor(chosen))}
      />
    </svg>
  );
}
