import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSearch } from '../../src/engine/run.js';
import { getDataset } from '../../src/model/registry.js';
import { DIALECTS } from '../../src/sql/dialects/index.js';

// Each golden/<name>.spl sits beside the SQL it compiles to for each dialect: <name>.<dialect>.sql.
// Set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
const DIR = join(import.meta.dirname, 'golden');
const WINDOW = { earliest: 1_696_173_000, latest: 1_696_176_600 };

describe.each(Object.keys(DIALECTS))('SQL for %s', (dialect) => {
  const cases = readdirSync(DIR).filter((f) => f.endsWith('.spl'));
  it.each(cases)('%s', (file) => {
    const spl = readFileSync(join(DIR, file), 'utf8').trim();
    const { sql } = compileSearch(spl, {
      macros: () => undefined,
      resolveDataset: getDataset,
      dialect: dialect as 'duckdb',
      ...WINDOW,
    });
    const golden = join(DIR, file.replace(/\.spl$/, `.${dialect}.sql`));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${sql}\n`);
    expect(`${sql}\n`).toBe(readFileSync(golden, 'utf8'));
  });
});
