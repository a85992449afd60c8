import type { Problem } from '../core/report.ts';
import { formatProblem } from '../core/report.ts';

export type Out = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
};

export const processOut: Out = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

export function printJson(out: Out, value: unknown): void {
  out.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function printProblems(
  out: Out,
  file: string,
  label: 'error' | 'warning',
  problems: readonly Problem[],
  limit = 50,
): void {
  for (const p of problems.slice(0, limit)) out.stderr(`${label}: ${formatProblem(file, p)}\n`);
  if (problems.length > limit)
    out.stderr(`… and ${problems.length - limit} more ${label}s (use --json to see all)\n`);
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
