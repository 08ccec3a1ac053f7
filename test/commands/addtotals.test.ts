import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated rows
const ROWS: Row[] = [
  { host: 'a', x: 1, y: '2', z: 'n/a' },
  { host: 'b', x: 4, y_count: 3 },
];

describe('addtotals', () => {
  it.each([
    [
      'addtotals',
      [
        { ...ROWS[0], Total: 3 },
        { ...ROWS[1], Total: 7 },
      ],
    ],
    [
      'addtotals fieldname=Score x',
      [
        { ...ROWS[0], Score: 1 },
        { ...ROWS[1], Score: 4 },
      ],
    ],
    [
      'addtotals fieldname=Score, y*',
      [
        { ...ROWS[0], Score: 2 },
        { ...ROWS[1], Score: 3 },
      ],
    ],
    ['addtotals fieldname=Score is_autodiscover, powershell, mapi', ROWS],
    ['addtotals row=false col=true', [...ROWS, { x: 5, y: 2, y_count: 3 }]],
    [
      'addtotals col=t labelfield=host label=Sum x',
      [
        { ...ROWS[0], Total: 1 },
        { ...ROWS[1], Total: 4 },
        { x: 5, host: 'Sum' },
      ],
    ],
  ])('%s', async (spl, expected) => {
    expect(await run(spl, ROWS)).toEqual(expected);
  });

  it('refuses unknown options', () => {
    expect(codes('addtotals fieldformat=%d')).toContain('SPL1411');
  });
});
