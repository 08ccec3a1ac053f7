import { describe, expect, it } from 'vitest';
import { codes, run } from './helpers.js';

const ROWS = Array.from({ length: 12 }, (_, i) => ({ i }));

describe('head', () => {
  it.each([
    ['head', 10],
    ['head 3', 3],
    ['head limit=5', 5],
    ['head 50', 12],
  ])('%s keeps %i rows', async (spl, n) => {
    expect(await run(spl, ROWS)).toEqual(ROWS.slice(0, n));
  });

  it.each(['head (i<3)', 'head 3 keeplast=true'])('%s is refused', (spl) => {
    expect(codes(spl)).toContain('SPL1408');
  });
});
