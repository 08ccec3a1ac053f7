import { describe, expect, it } from 'vitest';
import { codes, run } from './helpers.js';

describe('bin / bucket', () => {
  it.each([
    ['bin span=5m _time', { _time: 1_000_000_123 }, { _time: 999_999_900 }],
    ['bucket _time span=1h', { _time: 7300 }, { _time: 7200 }],
    ['bin _time span=30s', { _time: 59.9 }, { _time: 30 }],
    ['bin _time as bin_time span=10m', { _time: 1300 }, { _time: 1300, bin_time: 1200 }],
    ['bin span=1h gtime', { gtime: 3599 }, { gtime: 0 }],
    ['bin span=2s group_push_time', { group_push_time: '5' }, { group_push_time: 4 }],
    ['bin span=10 size', { size: 23 }, { size: '20-30' }],
    ['bin span=1d _time', { _time: 86_400 * 3 + 5 }, { _time: 86_400 * 3 }],
    ['bin span=5m _time', { other: 1 }, { other: 1 }],
    ['bin span=5m _time', { _time: 'abc' }, { _time: 'abc' }],
  ])('%s: %j → %j', async (spl, row, expected) => {
    expect(await run(spl, [row])).toEqual([expected]);
  });

  it('floors to multiples of the span since the epoch', async () => {
    const out = await run('bucket span=10m _time', [{ _time: 1_700_000_123 }]);
    expect(out[0]?._time).toBe(1_700_000_123 - (1_700_000_123 % 600));
  });

  it.each([
    ['bin _time', 'SPL1406'],
    ['bin bins=10 _time', 'SPL1406'],
    ['bin span=1mon _time', 'SPL1405'],
    ['bin span=1w _time', 'SPL1405'],
    ['bin span=5m', 'SPL1004'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
