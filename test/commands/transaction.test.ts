import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// generated events of two users, oldest first
const EVENTS: Row[] = [
  { _time: 0, user: 'a', action: 'login' },
  { _time: 60, user: 'b', action: 'login' },
  { _time: 120, user: 'a', action: 'read' },
  { _time: 600, user: 'a', action: 'logout' },
  { _time: 700, user: 'b', action: 'read' },
];

describe('transaction', () => {
  it('groups events by field values, newest transaction first, with duration and eventcount', async () => {
    expect(await run('transaction user', EVENTS)).toEqual([
      { _time: 60, user: 'b', action: ['login', 'read'], duration: 640, eventcount: 2 },
      { _time: 0, user: 'a', action: ['login', 'logout', 'read'], duration: 600, eventcount: 3 },
    ]);
  });

  it('splits at maxpause gaps', async () => {
    const out = await run('transaction user connected=false maxpause=5m', EVENTS);
    expect(out.map((t) => [t.user, t._time, t.eventcount])).toEqual([
      ['b', 700, 1],
      ['a', 600, 1],
      ['b', 60, 1],
      ['a', 0, 2],
    ]);
  });

  it('splits when maxspan would be exceeded', async () => {
    const out = await run('transaction user maxspan=2m', EVENTS);
    expect(out.map((t) => [t.user, t._time, t.eventcount])).toEqual([
      ['b', 700, 1],
      ['a', 600, 1],
      ['b', 60, 1],
      ['a', 0, 2],
    ]);
  });

  it('splits at maxevents and skips events lacking a field', async () => {
    const out = await run('transaction user maxevents=2', [...EVENTS, { _time: 5, action: 'x' }]);
    expect(out.map((t) => [t.user, t._time, t.eventcount])).toEqual([
      ['a', 120, 2],
      ['b', 60, 2],
      ['a', 0, 1],
    ]);
  });

  it.each([
    ['transaction user startsWith=(operationName="Enable account") maxspan=2m', 'SPL1417'],
    ['transaction a b', 'SPL1417'],
    ['transaction', 'SPL1417'],
    ['transaction user maxspan=1mon', 'SPL1405'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });

  it('accepts the corpus forms it runs', () => {
    expect(codes('transaction src_user connected=false maxspan=180m')).toEqual([]);
    expect(codes('transaction a b connected=false')).toEqual([]);
  });
});
