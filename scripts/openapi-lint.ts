import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApi } from '../src/server/openapi/openapi.ts';

// `npm run openapi:lint`: Redocly CLI's recommended rules over the served OpenAPI document (offline: telemetry
// and update checks off). Prints Redocly's report; exits 1 on any error (warnings are reported, not fatal).

export type LintTotals = { errors: number; warnings: number; ignored: number };

export function lintOpenApi(): { totals: LintTotals; report: string } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(buildOpenApi(), null, 2));
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const run = (format: string): string => {
    try {
      return execFileSync('npx', ['--no-install', 'redocly', 'lint', file, `--format=${format}`], {
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      // Redocly exits 1 when it finds errors; its report is on stdout all the same.
      return String((e as { stdout?: string }).stdout ?? '');
    }
  };
  try {
    const json = JSON.parse(run('json')) as { totals: LintTotals };
    return { totals: json.totals, report: run('stylish') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('openapi-lint.ts')) {
  const { totals, report } = lintOpenApi();
  process.stdout.write(report);
  process.stdout.write(`\n${totals.errors} errors, ${totals.warnings} warnings\n`);
  process.exitCode = totals.errors === 0 ? 0 : 1;
}
