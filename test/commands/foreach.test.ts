import { describe, expect, it } from 'vitest';
import { codes, run } from './helpers.js';

describe('foreach', () => {
  it('runs the subcommand once per field with <<FIELD>> substituted (corpus form)', async () => {
    const rows = [{ a: 'null', b: 'x', c: 'null' }];
    const out = await run('foreach * [ eval <<FIELD>> = if(<<FIELD>>="null",null(),<<FIELD>>)]', rows);
    expect(out).toEqual([{ b: 'x' }]);
  });

  it('substitutes <<MATCHSTR>> with what the wildcard matched', async () => {
    const rows = [{ stdev_x: 1, avg_x: 10, x: 20, stdev_y: 2, avg_y: 5, y: 6 }];
    const spl =
      "eval anomalies=\"\" | foreach stdev_* [ eval anomalies=if('<<MATCHSTR>>' > ('avg_<<MATCHSTR>>' + 3 * 'stdev_<<MATCHSTR>>'), anomalies + \"<<MATCHSTR>> high, \", anomalies)]";
    const out = await run(spl, rows);
    expect(out[0]?.anomalies).toBe('x high, ');
  });

  it('lists fields explicitly and with several patterns', async () => {
    const out = await run('foreach a b*_count [eval <<FIELD>>=<<FIELD>>*2]', [
      { a: 1, b_count: 2, bb_count: 3, c: 4 },
    ]);
    expect(out).toEqual([{ a: 2, b_count: 4, bb_count: 6, c: 4 }]);
  });

  it.each([
    ['foreach * [eval <<FIELD>>=nosuch(<<FIELD>>)]', 'SPL1416'],
    ['foreach * [frobnicate]', 'SPL1416'],
    ['foreach mode=multivalue x [eval y=1]', 'SPL1415'],
    ['foreach x', 'SPL1004'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
