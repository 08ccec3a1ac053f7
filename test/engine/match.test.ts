import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { matchSearch } from '../../src/engine/match.js';
import type { SearchNode } from '../../src/spl/commands/search.js';
import { parseSpl } from '../../src/spl/parser.js';

const row: Row = {
  http_method: 'POST',
  url: '/AHT/AhtApiService.asmx/AuthUser',
  status: '200',
  url_length: 32,
  dest: '10.0.1.20',
  tags: ['web', 'attack'],
};

function matches(search: string): boolean {
  const text = `| tstats count from datamodel=Web | search ${search}`;
  const { pipeline, diagnostics } = parseSpl(text);
  expect(diagnostics).toEqual([]);
  const node = pipeline.commands[1] as SearchNode;
  return node.expr ? matchSearch(node.expr, row) : true;
}

describe('search over result rows (spec §3)', () => {
  it.each([
    ['*', true],
    ['http_method=post', true],
    ['HTTP_METHOD=POST', false],
    ['url="/aht/ahtapiservice.asmx/authuser"', true],
    ['url=/AHT/', false],
    ['url=*/AuthUser', true],
    ['url=*/AuthUser?x=1', false],
    ['status=200', true],
    ['status="200"', true],
    ['status=20', false],
    ['url_length=32', true],
    ['url_length>30 url_length<=32', true],
    ['url_length>32', false],
    ['dest!=10.0.1.20', false],
    ['dest!=10.0.1.21', true],
    ['user!=bob', false],
    ['NOT user=bob', true],
    ['user=*', false],
    ['dest=*', true],
    ['tags=attack', true],
    ['tags!=web', false],
    ['status IN (404, 200)', true],
    ['http_method=GET OR status=200', true],
    ['http_method=GET OR status=500', false],
    ['(http_method=GET OR status=200) dest=10.*', true],
  ])('search %s → %s', (search, expected) => {
    expect(matches(search)).toBe(expected);
  });
});
