import { describe, expect, it } from 'vitest';
import { codes, run } from './helpers.js';

describe('replace', () => {
  it.each([
    [
      'replace "::ffff:*" with * in src',
      { src: '::ffff:10.1.2.3', dest: '::ffff:x' },
      { src: '10.1.2.3', dest: '::ffff:x' },
    ],
    ['replace "::ffff:*" with * in src', { src: '10.1.2.3' }, { src: '10.1.2.3' }],
    [
      'replace "%%14674" with "Value Added", "%%14675" with "Value Deleted" in OperationType',
      { OperationType: '%%14675' },
      { OperationType: 'Value Deleted' },
    ],
    [
      'replace "%%8448" with "Success removed", "%%8448, %%8450" with "Success removed, Failure removed" in A',
      { A: '%%8448, %%8450' },
      { A: 'Success removed, Failure removed' },
    ],
    ['replace aaa WITH bbb', { x: 'aaa', y: 'AAA' }, { x: 'bbb', y: 'AAA' }],
    ['replace *localhost WITH localhost IN host', { host: 'www.localhost' }, { host: 'localhost' }],
    ['replace 0 WITH Critical, 1 WITH Error IN msg_level', { msg_level: 1 }, { msg_level: 'Error' }],
    ['replace a WITH b IN m', { m: ['a', 'c'] }, { m: ['b', 'c'] }],
  ])('%s', async (spl, row, expected) => {
    expect(await run(spl, [row])).toEqual([expected]);
  });

  it.each([
    ['replace a b IN x', 'SPL1004'],
    ['replace a WITH b* IN x', 'SPL1413'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
