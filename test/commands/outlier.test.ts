import { describe, expect, it } from 'vitest';
import { codes, run } from './helpers.js';

// generated counts: quartiles 1 and 4 (nearest rank), IQR 3, bounds 1 - 7.5 and 4 + 7.5
const ROWS = [1, 2, 3, 4, 4, 9, 20, -10].map((count, i) => ({ i, count }));

describe('outlier', () => {
  it('action=RM removes rows above the upper bound (corpus form)', async () => {
    expect((await run('outlier action=RM count', ROWS)).map((r) => r.count)).toEqual([1, 2, 3, 4, 4, 9, -10]);
  });

  it('uselower=true also removes rows below the lower bound', async () => {
    const out = await run('outlier action=remove uselower=true count', ROWS);
    expect(out.map((r) => r.count)).toEqual([1, 2, 3, 4, 4, 9]);
  });

  it('transform (the default) clamps to the bound; mark=true prefixes 000', async () => {
    expect((await run('outlier count', ROWS)).map((r) => r.count)).toEqual([1, 2, 3, 4, 4, 9, 11.5, -10]);
    expect((await run('outlier mark=true count', ROWS))[6]?.count).toBe('00011.5');
  });

  it('param= sets the number of interquartile ranges', async () => {
    expect(await run('outlier action=rm param=1 count', ROWS)).toHaveLength(6);
  });

  it('refuses unknown options', () => {
    expect(codes('outlier action=explode count')).toContain('SPL1414');
  });
});
