// The map's own look: neutral land and sea that leave colour to the categories, a dark variant, and the CSS
// rules for its classes. A fixed theme writes plain colours (an exported SVG must look right in any viewer);
// 'auto' writes CSS variables that follow prefers-color-scheme and that a page may override (--aa-land, ...).

export type MapTheme = 'light' | 'dark' | 'auto';

type Palette = Record<
  'sea' | 'land' | 'border' | 'ink' | 'soft' | 'focal' | 'pbase' | 'focus' | 'paper',
  string
>;

export const LIGHT: Palette = {
  sea: '#eef2f5',
  land: '#d9d6cf',
  border: '#ffffff',
  ink: '#1b1f24',
  soft: '#6b6f76',
  focal: '#2f3338',
  pbase: '#ffffff',
  focus: '#c8102e',
  paper: '#ffffff',
};

export const DARK: Palette = {
  sea: '#161a1f',
  land: '#3b4047',
  border: '#161a1f',
  ink: '#f1f3f5',
  soft: '#a4a9b1',
  focal: '#eceff2',
  pbase: '#1e2227',
  focus: '#ff6b81',
  paper: '#0f1216',
};

const FONT = 'system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';

function declarations(p: Palette, prefix: string): string {
  return Object.entries(p)
    .map(([k, v]) => `--${prefix}-${k}:${v}`)
    .join(';');
}

/** CSS for the map's classes, scoped by the class prefix (default "aa"). */
export function mapStyleSheet(theme: MapTheme, prefix = 'aa'): string {
  const v = (name: keyof Palette): string => {
    if (theme === 'auto') return `var(--${prefix}-${name})`;
    return (theme === 'dark' ? DARK : LIGHT)[name];
  };
  const p = `.${prefix}`;
  const rules = [
    theme === 'auto' ? `${p}-map{${declarations(LIGHT, prefix)}}` : '',
    theme === 'auto' ? `@media (prefers-color-scheme:dark){${p}-map{${declarations(DARK, prefix)}}}` : '',
    `${p}-paper{fill:${v('paper')}}`,
    `${p}-sea{fill:${v('sea')}}`,
    `${p}-unit{stroke:${v('border')};stroke-width:0.5px;stroke-linejoin:round;vector-effect:non-scaling-stroke}`,
    `${p}-unit:focus{outline:none}`,
    `${p}-other{fill:${v('land')}}`,
    `${p}-focal{fill:${v('focal')}}`,
    `${p}-partner{cursor:pointer}`,
    `${p}-disputed{stroke:${v('soft')};stroke-dasharray:2 1.5}`,
    `${p}-pbase{fill:${v('pbase')}}`,
    `${p}-dbase{fill:${v('land')}}`,
    `${p}-hatch{stroke:${v('soft')}}`,
    `${p}-uhatch{stroke:${v('ink')};stroke-opacity:0.55}`,
    `${p}-undated-only{stroke:${v('ink')};stroke-width:1px;stroke-dasharray:3 2}`,
    `${p}-hl{fill:none;pointer-events:none;stroke-linejoin:round;vector-effect:non-scaling-stroke}`,
    `${p}-hl-focal{stroke:${v('ink')};stroke-width:1.5px}`,
    `${p}-hl-compared{stroke:${v('ink')};stroke-width:1.5px;stroke-dasharray:4 2}`,
    `${p}-hl-hover{stroke:${v('ink')};stroke-width:1.5px}`,
    `${p}-hl-selected{stroke:${v('ink')};stroke-width:2.5px}`,
    `${p}-hl-focus{stroke:${v('focus')};stroke-width:3px}`,
    `${p}-dimmed>${p}-units,${p}-dimmed>${p}-markers{opacity:0.3}`,
    `${p}-combo-hl{pointer-events:none;stroke:${v('ink')};stroke-width:2px;stroke-linejoin:round;vector-effect:non-scaling-stroke}`,
    `${p}-marker{cursor:pointer}`,
    `${p}-marker-hit{fill:none;pointer-events:all}`,
    `${p}-marker-leader{fill:none;stroke:${v('ink')};stroke-width:0.75px;vector-effect:non-scaling-stroke}`,
    // vector-effect is not inherited: it goes on the shapes, not on their group.
    `${p}-marker-dot>*{stroke:${v('border')};stroke-width:1px;vector-effect:non-scaling-stroke}`,
    `${p}-marker-ring{fill:none;stroke:${v('ink')};stroke-width:1.5px;vector-effect:non-scaling-stroke}`,
    `${p}-marker-focus{fill:none;stroke:${v('focus')};stroke-width:3px;vector-effect:non-scaling-stroke}`,
    `${p}-text{font-family:${FONT};fill:${v('ink')}}`,
    `${p}-title{font-size:18px;font-weight:600}`,
    `${p}-legend{font-size:12px}`,
    `${p}-credit{font-size:11px;fill:${v('soft')}}`,
    `${p}-swatch{stroke:${v('soft')};stroke-width:0.5px}`,
  ];
  return rules.filter((r) => r !== '').join('');
}
