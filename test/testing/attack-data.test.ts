import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATASETS } from '../../src/testing/attack-data.js';
import { bundledAttackDataDir } from '../../src/testing/attack-files.js';

// The bundled attack data is generated (src/testing/attack-data.ts); regenerate it with
// VIGIL_UPDATE_ATTACK_DATA=1 npx vitest run test/testing/attack-data.test.ts
const UPDATE = process.env.VIGIL_UPDATE_ATTACK_DATA === '1';

describe('bundled attack data', () => {
  it.each(BUNDLED_DATASETS.map((d) => [d.path, d] as const))(
    '%s is what the generator writes',
    (_path, d) => {
      const file = join(bundledAttackDataDir(), d.path);
      const text = d.render();
      if (UPDATE) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(text.split('\n').length).toBeLessThan(80);
    },
  );

  it('is labelled generated', () => {
    const readme = readFileSync(join(bundledAttackDataDir(), 'README.md'), 'utf8');
    expect(readme).toMatch(/generated/i);
    for (const d of BUNDLED_DATASETS) expect(readme).toContain(d.path);
  });
});
