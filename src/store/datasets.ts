import type { DatasetId } from '../core/ids.ts';
import { type Dataset, DatasetSchema } from '../core/schemas.ts';
import { writeRevisions } from './revisions.ts';
import { byId } from './rows.ts';
import { nowIso, type Tx } from './tx.ts';
import type { Actor } from './types.ts';

// A dataset's configuration is one JSON document: categories, sheet layout and credits change together.

function parseConfig(id: string, config: string): Dataset {
  const parsed = DatasetSchema.safeParse(JSON.parse(config));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `stored configuration of dataset "${id}" is invalid at ${issue?.path.join('.') || 'its root'}: ` +
        `${issue?.message}. Put a corrected configuration.`,
    );
  }
  return parsed.data;
}

export async function listDatasets(tx: Tx): Promise<Dataset[]> {
  const rows = await tx.db.selectFrom('datasets').select(['id', 'config']).execute();
  return rows.map((r) => parseConfig(r.id, r.config)).sort(byId);
}

export async function getDataset(tx: Tx, id: DatasetId): Promise<Dataset | null> {
  const row = await tx.db
    .selectFrom('datasets')
    .select(['id', 'config'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? null : parseConfig(row.id, row.config);
}

export async function putDataset(tx: Tx, input: Dataset, by: Actor): Promise<void> {
  const dataset = DatasetSchema.parse(input);
  const before = await getDataset(tx, dataset.id);
  const at = nowIso();
  const config = JSON.stringify(dataset);
  if (before === null) {
    await tx.db
      .insertInto('datasets')
      .values({ id: dataset.id, config, created_at: at, updated_at: at })
      .execute();
  } else {
    await tx.db
      .updateTable('datasets')
      .set({ config, updated_at: at })
      .where('id', '=', dataset.id)
      .execute();
  }
  await writeRevisions(
    tx.db,
    tx.dialect,
    [
      {
        dataset: dataset.id,
        entity: 'dataset',
        entityId: dataset.id,
        action: before === null ? 'create' : 'update',
        at,
        before,
        after: dataset,
      },
    ],
    by,
  );
}
