import { countRecord, createTallyGrid, type TallyGrid } from '../../../core/tallyGrid.ts';
import type { AgreementIndex } from '../selection/agreementIndex.ts';

// The agreements that pass a mask (the filter's conditions other than the years), counted into one core tally
// grid per signing year. A timeline step then adds up the grids of the years in range (a few thousand cells)
// instead of reading 100,000 agreements; the one pass happens when the other conditions change.

export type YearCube = {
  /** The mask the cube was counted under (null: every agreement). */
  mask: Uint8Array | null;
  /** One grid per year slot of the index (its `years`), counted from the index's flat partner rows. */
  grids: TallyGrid[];
};

export function countYearCube(index: AgreementIndex, mask: Uint8Array | null): YearCube {
  const grids = index.years.map(() => createTallyGrid(index.categories, index.countries));
  const { column, yearSlot, partnerStart, partnerRows } = index;
  for (let i = 0; i < index.agreements.length; i++) {
    const c = column[i]!;
    if (c < 0 || (mask !== null && mask[i] === 0)) continue;
    countRecord(grids[yearSlot[i]!]!, c, partnerRows, partnerStart[i]!, partnerStart[i + 1]!);
  }
  return { mask, grids };
}
