import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated rows
const rows: Row[] = [
  { id: 1, process: 'C:\\Windows\\RegAsm.exe ' },
  { id: 2, process: 'notepad.exe x.txt' },
  { id: 3, process: ['a', 'rundll32.exe'] },
  { id: 4 },
  { id: 5, process: 'net  view' },
];
const ids = (out: Row[]) => out.map((r) => r.id);

describe('regex', () => {
  it.each<[string, number[]]>([
    ['regex process="(?i)(regasm\\.exe.{0,4}$)"', [1]],
    ['regex process!="(?i)(regasm\\.exe.{0,4}$)"', [2, 3, 4, 5]],
    ['regex process="rundll32"', [3]],
    ['regex process = "\\.exe"', [1, 2, 3]],
    ['regex process=net[\\s\\.ex1]+view', [5]],
    ['regex process="^.{1}$"', [3]],
    ['regex missing="x"', []],
  ])('%s keeps %j', async (spl, expected) => {
    expect(ids(await run(spl, rows))).toEqual(expected);
  });

  it('matches the RTLO character written as \\x{202E}', async () => {
    const out = await run('regex file_name="\\\\x{202E}"', [
      { file_name: 'invoice\u202Efdp.exe' },
      { file_name: 'a.pdf' },
    ]);
    expect(out).toEqual([{ file_name: 'invoice\u202Efdp.exe' }]);
  });

  it.each([
    ['regex "abc"', 'SPL1209'],
    ['regex process="a++"', 'SPL1203'],
    ['regex process=', 'SPL1209'],
  ])('%s is refused with %s', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
