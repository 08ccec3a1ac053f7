import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { codes, run } from './helpers.js';

// the Search Reference's dedup example table
const HOSTS: Row[] = [
  { host: 'www1', action: 'view', client_ip: '211.166.11.101' },
  { host: 'www2', action: 'addtocart', client_ip: '194.215.205.19' },
  { host: 'www3', action: 'view', client_ip: '74.53.23.135' },
  { host: 'www1', action: 'addtocart', client_ip: '128.241.220.82' },
  { host: 'www1', action: 'purchase', client_ip: '64.66.0.20' },
  { host: 'www3', action: 'view', client_ip: '107.3.146.207' },
  { host: 'www2', action: 'remove', client_ip: '194.215.205.19' },
];

describe('dedup', () => {
  it('keeps the first row of each value (documented example)', async () => {
    expect(await run('dedup host', HOSTS)).toEqual(HOSTS.slice(0, 3));
  });

  it('dedups on the combination of several fields (documented example)', async () => {
    expect(await run('dedup host, client_ip', HOSTS)).toEqual(HOSTS.slice(0, 6));
  });

  it.each([
    ['dedup 2 host', [0, 1, 2, 3, 5, 6]],
    ['dedup consecutive=true host', [0, 1, 2, 3, 5, 6]],
    ['dedup action sortby +host', [0, 4, 1, 6]],
  ])('%s', async (spl, kept) => {
    const out = await run(spl, HOSTS);
    expect(out).toEqual(kept.map((i) => HOSTS[i]));
  });

  it('drops rows with an empty field unless keepempty=true', async () => {
    const rows: Row[] = [{ a: 1 }, { b: 2 }, { a: 1 }, { b: 3 }];
    expect(await run('dedup a', rows)).toEqual([{ a: 1 }]);
    expect(await run('dedup a keepempty=true', rows)).toEqual([{ a: 1 }, { b: 2 }, { b: 3 }]);
  });

  it('treats numbers and their text alike', async () => {
    expect(await run('dedup n', [{ n: 1 }, { n: '1' }])).toEqual([{ n: 1 }]);
  });

  it.each([
    ['dedup', 'SPL1004'],
    ['dedup keepevents=true host', 'SPL1410'],
  ])('%s is refused', (spl, code) => {
    expect(codes(spl)).toContain(code);
  });
});
