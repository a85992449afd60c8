import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CategoryId, CountryCode } from '../../core/ids.ts';
import { type Dataset, DatasetSchema } from '../../core/schemas.ts';
import type { CountableAgreement } from '../../core/stats.ts';
import { decodeWorld } from './decodeWorld.ts';
import type { World } from './world.ts';

// Shared by this folder's tests only: the real shipped dataset configuration, the real geometry asset, and a
// few agreements shaped like the seed's.

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadDataset(): Dataset {
  const file = path.resolve(here, '../../../data/cis-india-cyber-agreements.dataset.json');
  return DatasetSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export function loadWorld(): World {
  const file = path.join(here, 'world.generated.json');
  return decodeWorld(JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

/** A World of only some units (for small, readable snapshots). */
export function subWorld(world: World, a3s: readonly string[]): World {
  const units = world.units.filter((u) => a3s.includes(u.a3));
  return { units, byA3: new Map(units.map((u) => [u.a3, u])) };
}

export function agreement(category: string, ...partners: string[]): CountableAgreement {
  return { category: category as CategoryId, partners: partners as CountryCode[] };
}

/** Singapore with all three categories, France with two, a few with one, India (focal) in a multilateral one. */
export const sampleAgreements: readonly CountableAgreement[] = [
  agreement('mlat', 'SG'),
  agreement('mou', 'SG'),
  agreement('mou', 'SG'),
  agreement('framework', 'SG'),
  agreement('mlat', 'FR'),
  agreement('mou', 'FR'),
  agreement('mlat', 'BH'),
  agreement('mou', 'BR'),
  agreement('mou', 'US'),
  agreement('framework', 'JP'),
  agreement('mou', 'MU'),
  agreement('mou', 'IN', 'GB', 'CN'),
  // Gibraltar is not drawn on the map: the page lists it instead.
  agreement('mou', 'GI'),
];
