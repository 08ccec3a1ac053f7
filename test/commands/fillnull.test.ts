import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated rows
const ROWS: Row[] = [{ a: 1 }, { b: 'x' }, { a: 2, c: null }];

describe('fillnull', () => {
  it.each([
    [
      'fillnull',
      [
        { a: 1, b: '0', c: '0' },
        { a: '0', b: 'x', c: '0' },
        { a: 2, b: '0', c: '0' },
      ],
    ],
    [
      'fillnull value=NULL',
      [
        { a: 1, b: 'NULL', c: 'NULL' },
        { a: 'NULL', b: 'x', c: 'NULL' },
        { a: 2, b: 'NULL', c: 'NULL' },
      ],
    ],
    [
      'fillnull value=0 a, d',
      [
        { a: 1, d: '0' },
        { b: 'x', a: '0', d: '0' },
        { a: 2, c: null, d: '0' },
      ],
    ],
    ['fillnull value="m1.small" b', [{ a: 1, b: 'm1.small' }, { b: 'x' }, { a: 2, c: null, b: 'm1.small' }]],
  ])('%s', async (spl, expected) => {
    expect(await run(spl, ROWS)).toEqual(expected);
  });

  it('refuses unknown options', () => {
    expect(codes('fillnull foo=1')).toContain('SPL1409');
  });
});
