import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApp, seededApp, testDatabases } from '../testing.ts';

// The served document through Redocly CLI's `recommended` rules (the real CLI, offline): 0 errors; the
// warnings are printed so they stay visible. The document is the same on either dialect, so one SQLite
// store serves it.

const CLI = fileURLToPath(new URL('../../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));

type Problem = {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
};
type LintResult = { totals: { errors: number; warnings: number }; problems: Problem[] };

/** Runs `redocly lint --extends=recommended` on a document in a folder of its own (no redocly.yaml around). */
function lint(dir: string, name: string, doc: unknown): Promise<LintResult> {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, 'lint', '--extends=recommended', '--format=json', '--max-problems=1000', file],
      {
        cwd: dir,
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          NO_COLOR: '1',
        },
        maxBuffer: 20 * 1024 * 1024,
      },
      // It exits with 1 when there are errors; the JSON report is on stdout either way.
      (err, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout) as LintResult);
        } catch {
          reject(new Error(`redocly lint gave no report (${err?.message ?? 'no error'}): ${stderr}`));
        }
      },
    );
  });
}

const describeProblem = (p: Problem): string =>
  `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`;

describe('the served OpenAPI document under Redocly CLI (recommended rules)', () => {
  let s: SeededApp;
  let dir: string;
  let doc: { paths: Record<string, Record<string, Record<string, unknown>>> };
  beforeAll(async () => {
    s = await seededApp(testDatabases('openapi_lint')[0]!);
    dir = mkdtempSync(join(tmpdir(), 'atlas-openapi-lint-'));
    const res = await s.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has 0 errors and no operation without an operationId', async () => {
    const result = await lint(dir, 'openapi.json', doc);
    const warnings = result.problems.filter((p) => p.severity === 'warn');
    if (warnings.length) console.log(`redocly lint warnings:\n${warnings.map(describeProblem).join('\n')}`);
    const errors = result.problems.filter((p) => p.severity === 'error').map(describeProblem);
    expect(errors).toEqual([]);
    expect(result.totals.errors).toBe(0);
    expect(warnings.filter((p) => p.ruleId.startsWith('operation-operationId')).map(describeProblem)).toEqual(
      [],
    );
  }, 60_000);

  it('would report an operation without a security declaration (the check is live)', async () => {
    const broken = structuredClone(doc);
    delete broken.paths['/api/v1/datasets']!.get!.security;
    const result = await lint(dir, 'broken.json', broken);
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual([
      'security-defined',
    ]);
  }, 60_000);
});
