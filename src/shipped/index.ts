import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Dataset, DatasetSchema } from '../core/schemas.ts';

// The dataset this project ships (data/ at the package root, found from this file, not from the cwd): its
// configuration and its seed sheet. A database with no dataset gets this on first use.

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const SHIPPED_CONFIG = `${DATA_DIR}cis-india-cyber-agreements.dataset.json`;
export const SHIPPED_SHEET = `${DATA_DIR}cis-india-cyber-agreements.txt`;

export async function loadDatasetConfig(path: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`${path}: cannot read the dataset configuration file; check the path`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message}); fix the file or regenerate it`);
  }
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join('.') : '';
    throw new Error(
      `${path}: field "${field}": ${issue?.message ?? 'invalid'}; fix the dataset configuration`,
    );
  }
  return parsed.data;
}

export function loadShippedConfig(): Promise<Dataset> {
  return loadDatasetConfig(SHIPPED_CONFIG);
}

export async function loadShippedSheet(): Promise<{ bytes: Uint8Array; fileName: string }> {
  return { bytes: new Uint8Array(await readFile(SHIPPED_SHEET)), fileName: SHIPPED_SHEET };
}
