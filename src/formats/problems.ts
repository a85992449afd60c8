import type { Problem } from '../core/report.ts';

/** Collects what a parser finds; any error means the file must not be imported. */
export class Problems {
  readonly warnings: Problem[] = [];
  readonly errors: Problem[] = [];

  warn(line: number | null, column: string | null, message: string): void {
    this.warnings.push({ line, column, message });
  }

  error(line: number | null, column: string | null, message: string): void {
    this.errors.push({ line, column, message });
  }
}
