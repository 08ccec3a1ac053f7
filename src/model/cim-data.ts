import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../core/paths.js';
import type { CimModel } from './cim-types.js';

let cached: readonly CimModel[] | undefined;

/** The generated CIM models shipped in `data/cim/` (see scripts/cim.ts), read once, in file-name order. */
export function cimModels(): readonly CimModel[] {
  const dir = join(dataDir(), 'cim');
  cached ??= readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CimModel);
  return cached;
}

/** One generated model by its name (`Web`, `Risk`); a missing one means a broken installation. */
export function cimModel(name: string): CimModel {
  const m = cimModels().find((x) => x.model === name);
  if (!m) throw new Error(`data/cim/${name}.json is missing from vigil's installation`);
  return m;
}
