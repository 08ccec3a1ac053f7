import { describe, expect, it } from 'vitest';
import { fillTokens, urgencyOf } from '../../src/alerting/index.js';
import type { Row } from '../../src/core/value.js';

describe('urgency = severity × asset priority (ES default lookup)', () => {
  it.each([
    ['informational', 'unknown', 'informational'],
    ['informational', 'critical', 'informational'],
    ['low', 'unknown', 'low'],
    ['medium', 'unknown', 'low'],
    ['high', 'unknown', 'medium'],
    ['critical', 'unknown', 'high'],
    ['high', 'low', 'medium'],
    ['medium', 'medium', 'medium'],
    ['high', 'medium', 'high'],
    ['critical', 'medium', 'critical'],
    ['low', 'high', 'medium'],
  ] as const)('%s severity, %s priority → %s', (severity, priority, urgency) => {
    expect(urgencyOf(severity, priority)).toBe(urgency);
  });
});

describe('$field$ tokens', () => {
  const row: Row = { dest: 'h1', count: 3, ratio: 0.5, users: ['a', 'b'], gone: null };
  const lookup = (f: string) => row[f];

  it.each([
    ['on $dest$', 'on h1'],
    ['$count$ hits', '3 hits'],
    ['ratio $ratio$', 'ratio 0.5'],
    ['users $users$', 'users a, b'],
    ['[$gone$]', '[]'],
    ['[$absent$]', '[]'],
    ['regex "exe$" and $1', 'regex "exe$" and $1'],
    ['$dest$$dest$', 'h1h1'],
  ])('%j → %j', (template, text) => {
    expect(fillTokens(template, lookup)).toBe(text);
  });
});
