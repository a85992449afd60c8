import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapCssFile } from '../src/web/map/mapCss.ts';

// Writes src/web/map/map.generated.css: the live map's rules as a file, because the page's CSP (style-src 'self')
// refuses the <style> element an exported SVG carries. Run: node --import tsx scripts/gen-map-css.ts
const out = fileURLToPath(new URL('../src/web/map/map.generated.css', import.meta.url));
writeFileSync(out, mapCssFile());
console.log(out);
