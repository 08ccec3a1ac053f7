import { existsSync, readFileSync } from 'node:fs';
import type { DuckDbStore } from '../../../src/store/duckdb.js';

/** Real samples are read where they are kept (GPL/ELv2/unknown licences mixed), never copied here. */
export const SAMPLES = '../shared/samples';
export const samplesPresent = existsSync(SAMPLES);
if (!samplesPresent) console.warn(`skipping access-log sample tests: ${SAMPLES} is not present`);

/** The Web fields the access and nginx-kv mappings set (source is the path, checked apart). */
const GOLDEN_FIELDS = [
  '_time',
  'sourcetype',
  'src',
  'src_ip',
  'dest',
  'dest_ip',
  'dest_port',
  'site',
  'user',
  'http_method',
  'url',
  'uri_path',
  'uri_query',
  'status',
  'bytes',
  'bytes_in',
  'bytes_out',
  'http_referrer',
  'http_user_agent',
  'cookie',
  'category',
] as const;

type Golden = Record<string, string | number>;

/** A stored row as a golden line: the mapped fields that are set, `_time` as ISO 8601 UTC. */
function golden(row: Record<string, unknown>): Golden {
  const out: Golden = {};
  for (const f of GOLDEN_FIELDS) {
    const v = row[f];
    if (v === null || v === undefined) continue;
    if (f === '_time') out[f] = new Date(Number(v) * 1000).toISOString();
    else out[f] = typeof v === 'bigint' ? Number(v) : (v as string | number);
  }
  return out;
}

const byText = (a: Golden, b: Golden) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** Every stored Web row as golden lines, in a stable order. */
export async function storedGolden(store: DuckDbStore): Promise<Golden[]> {
  return (await store.query('SELECT * FROM web')).map(golden).sort(byText);
}

/** An `.expected.jsonl` file (one golden row per record), in the same order as `storedGolden`. */
export function expectedGolden(path: string): Golden[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Golden)
    .sort(byText);
}
