import { describe, expect, it } from 'vitest';
import { DiagnosticError, renderDiagnostic } from '../../src/core/diagnostics.js';
import { isAllTime, parseTimeModifier, resolveTime, resolveTimeModifier } from '../../src/time/modifiers.js';

/** Sunday 2023-10-01 14:00:00 UTC (a fixed "now"). */
const NOW = Date.UTC(2023, 9, 1, 14, 0, 0) / 1000;
const at = (iso: string) => Date.parse(iso) / 1000;

describe('resolveTimeModifier against now = Sun 2023-10-01 14:00:00 UTC (spec §4)', () => {
  it.each([
    ['-70m@m', '2023-10-01T12:50:00Z'],
    ['-10m@m', '2023-10-01T13:50:00Z'],
    ['+1h', '2023-10-01T15:00:00Z'],
    ['now', '2023-10-01T14:00:00Z'],
    ['@d', '2023-10-01T00:00:00Z'],
    ['@d-2h', '2023-09-30T22:00:00Z'],
    ['-1d@d+8h', '2023-09-30T08:00:00Z'],
    ['-h', '2023-10-01T13:00:00Z'],
    ['-h@h', '2023-10-01T13:00:00Z'],
    ['-30s', '2023-10-01T13:59:30Z'],
    ['-2days', '2023-09-29T14:00:00Z'],
    ['-1week', '2023-09-24T14:00:00Z'],
    ['@w0', '2023-10-01T00:00:00Z'],
    ['@w', '2023-10-01T00:00:00Z'],
    ['@w7', '2023-10-01T00:00:00Z'],
    ['@w1', '2023-09-25T00:00:00Z'],
    ['@w6', '2023-09-30T00:00:00Z'],
    ['-7d@w0', '2023-09-24T00:00:00Z'],
    ['-7d@w1', '2023-09-18T00:00:00Z'],
    ['@mon', '2023-10-01T00:00:00Z'],
    ['-1mon@mon', '2023-09-01T00:00:00Z'],
    ['@q', '2023-10-01T00:00:00Z'],
    ['-1q@q', '2023-07-01T00:00:00Z'],
    ['-2qtrs', '2023-04-01T14:00:00Z'],
    ['@y', '2023-01-01T00:00:00Z'],
    ['-1y@y', '2022-01-01T00:00:00Z'],
    ['+2yrs', '2025-10-01T14:00:00Z'],
    ['-1440minutes', '2023-09-30T14:00:00Z'],
    ['@mon@w1', '2023-09-25T00:00:00Z'],
    ['10/19/2009:0:0:0', '2009-10-19T00:00:00Z'],
    ['10/01/2023:16:31:07', '2023-10-01T16:31:07Z'],
    ['2023-10-01T16:31:07Z', '2023-10-01T16:31:07Z'],
    ['2023-10-01T16:31:07+02:00', '2023-10-01T14:31:07Z'],
    ['2023-10-01T11:31:07-0500', '2023-10-01T16:31:07Z'],
    ['2023-10-01', '2023-10-01T00:00:00Z'],
  ])('%s → %s', (text, iso) => {
    expect(resolveTimeModifier(text, NOW)).toBe(at(iso));
  });

  it.each([
    ['1696177867', 1_696_177_867],
    ['1696177867.25', 1_696_177_867.25],
    ['1', 1],
    ['2023-10-01T16:31:07.412345Z', 1_696_177_867.412345],
  ])('%s is an absolute epoch %d', (text, epoch) => {
    expect(resolveTimeModifier(text, NOW)).toBeCloseTo(epoch, 6);
  });

  it('snapping rounds down and keeps sub-seconds out; offsets keep them', () => {
    expect(resolveTimeModifier('@s', NOW + 0.75)).toBe(NOW);
    expect(resolveTimeModifier('-1s', NOW + 0.75)).toBeCloseTo(NOW - 0.25, 6);
  });
});

describe('month arithmetic clamps to the last day of the target month', () => {
  it.each([
    ['2023-03-31T10:00:00Z', '-1mon', '2023-02-28T10:00:00Z'],
    ['2024-03-31T10:00:00Z', '-1mon', '2024-02-29T10:00:00Z'],
    ['2023-01-31T10:00:00Z', '-1mon', '2022-12-31T10:00:00Z'],
    ['2023-01-31T10:00:00Z', '+1mon', '2023-02-28T10:00:00Z'],
    ['2024-02-29T10:00:00Z', '+1y', '2025-02-28T10:00:00Z'],
    ['2023-05-31T10:00:00Z', '-1q', '2023-02-28T10:00:00Z'],
    ['2023-12-15T10:00:00Z', '+1mon', '2024-01-15T10:00:00Z'],
  ])('%s %s → %s', (from, text, iso) => {
    expect(resolveTimeModifier(text, at(from))).toBe(at(iso));
  });
});

describe('0 means all time', () => {
  it('parses to an allTime spec that resolves to 0', () => {
    const parsed = parseTimeModifier('0');
    expect(parsed.ok && isAllTime(parsed.value)).toBe(true);
    if (parsed.ok) expect(resolveTime(parsed.value, NOW)).toBe(0);
  });

  it('1 is epoch second 1, not all time', () => {
    const parsed = parseTimeModifier('1');
    expect(parsed.ok && isAllTime(parsed.value)).toBe(false);
  });
});

describe('bad modifiers give a diagnostic with a span', () => {
  it.each([
    ['', 'TIME0001', 0, 0],
    ['-5', 'TIME0002', 2, 3],
    ['-5x', 'TIME0002', 2, 3],
    ['-70M@m', 'TIME0002', 3, 4],
    ['-70m@', 'TIME0002', 5, 6],
    ['-7d@w8', 'TIME0002', 3, 6],
    ['-1d@3h', 'TIME0002', 4, 5],
    ['5m', 'TIME0003', 0, 2],
    ['-1h!', 'TIME0003', 3, 4],
    ['now-1h', 'TIME0003', 0, 1],
    ['13/01/2023:00:00:00', 'TIME0004', 0, 19],
    ['02/30/2023:00:00:00', 'TIME0004', 0, 19],
    ['2023-10-01T25:00:00Z', 'TIME0004', 0, 20],
    ['10/01/2023', 'TIME0003', 0, 10],
    ['rt-5m', 'TIME0005', 0, 2],
    ['-500ms', 'TIME0005', 4, 6],
    ['@h2', 'TIME0005', 0, 3],
  ])('%j → %s at [%d, %d)', (text, code, start, end) => {
    const parsed = parseTimeModifier(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostic.code).toBe(code);
    expect(parsed.diagnostic.span).toEqual({ start, end });
  });

  it('shifts spans by the base offset and past leading blanks', () => {
    const parsed = parseTimeModifier('  -5x', 100);
    expect(!parsed.ok && parsed.diagnostic.span).toEqual({ start: 104, end: 105 });
  });

  it('says how a relative time starts', () => {
    const parsed = parseTimeModifier('5m');
    expect(!parsed.ok && parsed.diagnostic.hints[0]).toContain('starts with + or -');
  });

  it('suggests the lower-case unit', () => {
    const parsed = parseTimeModifier('-1H');
    expect(!parsed.ok && parsed.diagnostic.hints[0]).toContain('"h"');
  });

  it('resolveTimeModifier throws a DiagnosticError rendered with a caret', () => {
    let thrown: unknown;
    try {
      resolveTimeModifier('-70q@x', NOW);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DiagnosticError);
    const err = thrown as DiagnosticError;
    expect(err.diagnostics[0]?.code).toBe('TIME0002');
    expect(renderDiagnostic(err.diagnostics[0] as never, '-70q@x')).toContain('-70q@x\n       ^');
  });
});
