import { describe, expect, it } from 'vitest';
import { formatCsv, formatJsonLines, formatTable } from '../../src/cli/format.js';

const rows = [
  { src: '203.0.113.50', count: 2, ua: 'a, "b"' },
  { src: '198.51.100.7', count: 10, mv: ['x', 'y'] },
];

describe('output formats', () => {
  it('aligns a table', () => {
    expect(formatTable(rows, ['src', 'count', 'mv'])).toBe(
      [
        'src           count  mv',
        '------------  -----  -----',
        '203.0.113.50  2',
        '198.51.100.7  10     x | y',
      ].join('\n'),
    );
  });

  it('writes one JSON object per line', () => {
    expect(
      formatJsonLines(rows)
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(rows);
  });

  it('quotes CSV cells that need it', () => {
    expect(formatCsv(rows, ['src', 'ua', 'mv'])).toBe(
      'src,ua,mv\n203.0.113.50,"a, ""b""",\n198.51.100.7,,"x\ny"',
    );
  });

  it('says when there are no results', () => {
    expect(formatTable([], ['a'])).toBe('(no results)');
  });
});
