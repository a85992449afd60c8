import { resourceUsage } from 'node:process';
import { benchImport } from '../src/store/bench.ts';

// One import benchmark in its own process, so its peak memory (max RSS) is the import's alone.
const [url, n] = process.argv.slice(2);
if (!url || !n) {
  console.error('usage: node --import tsx bench/importChild.ts DATABASE_URL N');
  process.exit(2);
}
const r = await benchImport(url, Number(n));
const maxRssMB = Math.round(resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ ...r, maxRssMB })}\n`);
