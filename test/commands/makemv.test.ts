import { describe, expect, it } from 'vitest';
import { codes, run } from './helpers.js';

describe('makemv', () => {
  it.each([
    ['makemv answer', { answer: '1.2.3.4 5.6.7.8' }, { answer: ['1.2.3.4', '5.6.7.8'] }],
    ['makemv delim=" " Scope', { Scope: 'a  b' }, { Scope: ['a', 'b'] }],
    ['makemv delim=" " allowempty=true Scope', { Scope: 'a  b' }, { Scope: ['a', '', 'b'] }],
    ['makemv delim="," x', { x: 'one' }, { x: 'one' }],
    ['makemv delim="," x', { x: 'a,b,c' }, { x: ['a', 'b', 'c'] }],
    ['makemv tokenizer="([^,]+),?" x', { x: 'a,b' }, { x: ['a', 'b'] }],
    ['makemv x', { y: 1 }, { y: 1 }],
    ['makemv x', { x: '' }, {}],
  ])('%s: %j', async (spl, row, expected) => {
    expect(await run(spl, [row])).toEqual([expected]);
  });

  it.each([
    ['makemv setsv=true x', 'SPL1412'],
    ['makemv tokenizer="(" x', 'SPL1412'],
    ['makemv', 'SPL1004'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
